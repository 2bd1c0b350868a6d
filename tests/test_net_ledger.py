"""The host's memory of action ids and join codes lives in the save: a host stopped at any point
(even between applying an action and writing its answer) answers the same after a restart."""
from __future__ import annotations

from wargame.net.codes import ROLES, JoinCodes
from wargame.net.ledger import ActionLedger
from wargame.net.protocol import Act
from wargame.net.room import GameRoom
from wargame.storage import Session

from net_support import new_session, secret_deposit


def _act(action_id: str) -> Act:
    return Act(action_id=action_id, action=secret_deposit().to_dict())


def test_an_action_applied_just_before_the_host_died_is_known_after_a_restart(tmp_path):
    path = tmp_path / "g.wargame"
    session, _ = new_session(path)
    ledger = ActionLedger(session.record)
    ledger.begin("riyadh", "a-1", 1, secret_deposit().to_dict())
    session.apply(secret_deposit())  # then the host is killed before it writes the answer
    session.close()
    with Session.resume(path) as again:
        room = GameRoom(again, {})
        answer = room.act("riyadh", _act("a-1"))
        assert (answer.accepted, answer.log_index) == (True, 1)
        assert room.log_index == 1


def test_an_action_the_host_died_before_applying_is_applied_by_the_retry(tmp_path):
    path = tmp_path / "g.wargame"
    session, _ = new_session(path)
    ActionLedger(session.record).begin("riyadh", "a-1", 1, secret_deposit().to_dict())
    session.close()  # killed before the action went in
    with Session.resume(path) as again:
        room = GameRoom(again, {})
        assert room.ledger.recall("riyadh", "a-1") is None
        answer = room.act("riyadh", _act("a-1"))
        assert (answer.accepted, answer.log_index) == (True, 1)
        assert [a.kind for a in room.game.actions] == ["propose"]


def test_refusals_are_remembered_too(tmp_path):
    session, _ = new_session(tmp_path / "g.wargame")
    with session:
        room = GameRoom(session, {})
        wrong = room.act("ankara", _act("x"))  # a Riyadh deal sent by Ankara's client
        assert not wrong.accepted
        assert room.act("ankara", _act("x")) == wrong
        assert room.ledger.recall("riyadh", "x") is None


def test_join_codes_are_kept_in_the_save_and_all_differ(tmp_path):
    path = tmp_path / "g.wargame"
    session, _ = new_session(path)
    codes = GameRoom(session, {}).codes
    session.close()
    assert set(codes.codes) == set(ROLES)
    assert len(set(codes.codes.values())) == len(ROLES)
    with Session.resume(path) as again:
        assert GameRoom(again, {}).codes == codes
        for role, text in codes.codes.items():
            assert codes.role_for(text) == role
            assert codes.role_for(text.lower().replace("-", "")) == role
        assert codes.role_for(codes.codes["ankara"][:-1]) is None
        assert codes.role_for("ünïcode") is None


def test_generated_codes_are_random(tmp_path):
    assert JoinCodes.generate() != JoinCodes.generate()
