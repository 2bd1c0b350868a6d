"""The replay window: stepping, jumping, keys, play, views at the chosen point, bookmarks, seat views."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import stat  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402

from test_replay_support import bot_save, first_signed, secret_deal_save  # noqa: E402
from ui import map_model  # noqa: E402
from ui.replay.viewer import ReplayWindow  # noqa: E402
from wargame.seat_export import export_seat_view  # noqa: E402
from wargame.storage import GameRecord  # noqa: E402


@pytest.fixture(autouse=True)
def _settings(tmp_path, monkeypatch):
    monkeypatch.setenv("WARGAME_SETTINGS_DIR", str(tmp_path / "settings"))


@pytest.fixture(scope="module")
def save(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return bot_save(tmp_path_factory.mktemp("replay") / "game.wargame", 110)


@pytest.fixture
def window(qtbot, save, tmp_path):
    copy = tmp_path / "game.wargame"
    copy.write_bytes(save.read_bytes())
    win = ReplayWindow.open(copy)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_steps_jumps_and_keys(qtbot, window):
    last = window.source.last
    assert window.index == 0 and last == 110
    window.jump(5)
    window.step(1)
    assert window.index == 6
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert window.index == 7
    qtbot.keyClick(window, Qt.Key.Key_Left)
    assert window.index == 6
    qtbot.keyClick(window, Qt.Key.Key_End)
    assert window.index == last
    qtbot.keyClick(window, Qt.Key.Key_Home)
    assert window.index == 0
    qtbot.keyClick(window, Qt.Key.Key_PageDown)
    starts = [i for i, _t, _q in window.source.quarter_starts()]
    assert window.index == starts[1] and window.source.entries[window.index].turn == 2
    window.jump(10_000)
    assert window.index == last
    window.jump_to_turn(2)
    assert window.index == starts[1]
    assert "#" + str(starts[1]) in window.banner.text()
    assert window.log.currentItem() is window.log.entry_item(starts[1])


def test_play_and_pause(qtbot, window):
    window.speed.setCurrentIndex(2)
    window.jump(0)
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert window.playing and window.act_play.text() == "Pause"
    qtbot.waitUntil(lambda: window.index >= 3, timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert not window.playing
    stopped = window.index
    qtbot.wait(200)
    assert window.index == stopped
    window.jump(window.source.last - 1)
    window.play()
    qtbot.waitUntil(lambda: not window.playing, timeout=5000)
    assert window.index == window.source.last


def test_views_show_the_game_at_the_chosen_point(qtbot, window):
    record = window.source.record
    index, cid = first_signed(record)
    window.tabs.setCurrentWidget(window.network)
    window.jump(index - 1)
    assert cid not in window.network.edge_ids()
    window.jump(index)
    assert cid in window.network.edge_ids()
    assert window.game.digest() == record.game_at(index).digest()
    window.tabs.setCurrentWidget(window.map)  # the map: the new commitment's link appears at its index
    name = record.game_at(index).state.commitments[cid].name
    assert any(name in item.toolTip() for item in window.map.link_items())
    window.jump(index - 1)
    assert not any(name in item.toolTip() for item in window.map.link_items())
    assert len(window.map.link_items()) == len(map_model.build(record.game_at(index - 1), None).links)
    # the indicator charts follow the history: one point per assessed quarter
    end = window.source.last
    window.jump(end)
    history = record.game_at(end).state.history
    curve = window.indicators.curves()["riyadh:real"]
    assert len(curve.getData()[0]) == len(history) > 1
    window.jump(0)
    assert len(window.indicators.curves()["riyadh:real"].getData()[0]) == 1
    assert window.scoreboard.totals() == pytest.approx({s: sc.total for s, sc in record.game_at(0).scores().items()})


def test_timeline_marks_quarters_and_crises(window):
    quarters = window.source.quarter_starts()
    assert [q for _i, _t, q in quarters][:2] == ["2026-Q1", "2026-Q2"]
    assert window.log.topLevelItemCount() == len(quarters)
    crises = [e for e in window.source.entries if e.crisis]
    assert window.timeline.crisis_marks() == [(e.index, e.crisis) for e in crises]
    for e in crises:
        row = window.log.quarter_items()[[t for _i, t, _q in quarters].index(e.turn)]
        assert "CRISIS" in row.text(1)


def test_bookmarks_added_listed_and_jumped_to(qtbot, window):
    assert window.source.bookmark_problem is None and window.bookmarks.add_button.isEnabled()
    window.jump(42)
    bid = window.add_bookmark("Turkey hesitates", "Ask Ankara why")
    window.add_bookmark("Later", index=80)
    assert [b.index for b in window.source.bookmarks()] == [42, 80]
    assert any("Turkey hesitates" in t and "#42" in t and "Ask Ankara why" in t for t in window.bookmarks.labels())
    assert (42, "Turkey hesitates") in window.timeline._bookmarks
    window.jump(0)
    item = window.bookmarks.list.item(0)
    rect = window.bookmarks.list.visualItemRect(item)
    qtbot.mouseClick(window.bookmarks.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.index == 42
    path = window.source.path
    window.close()
    with GameRecord.open(path, readonly=True) as record:
        assert [(b.id, b.label, b.note) for b in record.bookmarks()][0] == (bid, "Turkey hesitates", "Ask Ankara why")


def test_read_only_file_says_why_bookmarks_are_disabled(qtbot, save, tmp_path):
    copy = tmp_path / "readonly.wargame"
    copy.write_bytes(save.read_bytes())
    copy.chmod(stat.S_IRUSR | stat.S_IRGRP)
    try:
        win = ReplayWindow.open(copy)
        qtbot.addWidget(win)
        assert win.source.record.readonly
        assert "read-only" in (win.source.bookmark_problem or "")
        assert not win.bookmarks.add_button.isEnabled() and not win.acts["bookmark"].isEnabled()
        assert win.bookmarks.reason.isVisibleTo(win.bookmarks) and "read-only" in win.bookmarks.reason.text()
        win.jump(30)  # replay itself works
        assert win.index == 30
        win.close()
    finally:
        copy.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_viewer_choice_filters_what_the_timeline_and_views_show(qtbot, tmp_path):
    deal = secret_deal_save(tmp_path / "secret.wargame", after=20)
    win = ReplayWindow.open(deal.path)
    qtbot.addWidget(win)
    win.tabs.setCurrentWidget(win.network)
    win.show()
    win.jump(deal.signed_index)
    assert deal.commitment in win.network.edge_ids()
    win.viewer_box.setCurrentIndex(win.viewer_box.findData("ankara"))
    assert win.viewer == "ankara" and win.index == deal.signed_index
    assert deal.commitment not in win.network.edge_ids()
    assert "not visible" in win.source.entries[deal.signed_index].title
    win.viewer_box.setCurrentIndex(win.viewer_box.findData("riyadh"))
    assert deal.commitment in win.network.edge_ids()
    win.close()


def test_seat_view_file_replays_without_the_secrets(qtbot, tmp_path):
    deal = secret_deal_save(tmp_path / "secret.wargame", after=40)
    with GameRecord.open(deal.path, readonly=True) as record:
        out = export_seat_view(record, "ankara", tmp_path / "ankara.wargame-view")
    win = ReplayWindow.open(out)
    qtbot.addWidget(win)
    win.tabs.setCurrentWidget(win.network)
    win.show()
    assert win.source.kind == "seat-view" and win.viewer == "ankara" and not win.viewer_box.isEnabled()
    assert win.source.bookmark_problem and not win.acts["branch"].isVisible()
    for index in (0, deal.signed_index, win.source.last):
        win.jump(index)
        assert deal.commitment not in win.network.edge_ids()
        assert all(deal.name not in (link.tooltip or "") for link in map_model.build(win.game, "ankara").links)
    assert win.index == win.source.last == deal.actions
    assert len(win.indicators.curves()["ankara:real"].getData()[0]) == len(win.game.state.history)
    row = win.game.state.history[-1]  # others' live scores are not in the view: the last assessed ones are shown
    assert win.scoreboard.totals() == pytest.approx({s: v["score"] for s, v in row["seats"].items()})
    win.close()
