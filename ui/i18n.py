"""The app's languages: which one is chosen, and installing its translations into Qt.

The app speaks English, Arabic, Turkish and Urdu. The language is the one chosen in the app's
menu (remembered in the settings), else the system locale's when the app has it, else English.
Installing a language loads its compiled Qt catalogue (``ui/translations/wargame_<code>.qm``, built from
``i18n/wargame_<code>.ts`` by ``tools/i18n.py``) and Qt's own one for standard buttons, sets the
default :class:`QLocale` (numbers and dates) and the application's layout direction: Arabic and
Urdu are written right to left, so every layout mirrors; widgets that paint must read
``layoutDirection()`` (the map itself never mirrors).

Switching language at run time sends Qt's ``LanguageChange`` event to every widget; windows that
build their texts once rebuild their views from the game, which never changes.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator

from ui import settings

CATALOGUE_DIR = Path(__file__).resolve().parent / "translations"
"""Where the compiled catalogues (``.qm``) of the app ship (package data of ``ui``, ``ui/translations/``)."""

SETTING = "view/language"
"""The settings key that remembers the chosen language."""


@dataclass(frozen=True)
class Language:
    """One language of the app: its code, its own name (as its readers write it), its direction."""

    code: str
    name: str
    right_to_left: bool = False


LANGUAGES: tuple[Language, ...] = (
    Language("en", "English"),
    Language("ar", "العربية", right_to_left=True),
    Language("tr", "Türkçe"),
    Language("ur", "اردو", right_to_left=True),
)
"""The languages the app speaks, English (the source language) first."""

DEFAULT = "en"

_installed: list[QTranslator] = []
_current = [DEFAULT]

PHASES = {
    "events": QT_TRANSLATE_NOOP("Phases", "World events & income"),
    "diplomacy": QT_TRANSLATE_NOOP("Phases", "Diplomacy"),
    "investment": QT_TRANSLATE_NOOP("Phases", "Investment"),
    "crisis": QT_TRANSLATE_NOOP("Phases", "Crisis test"),
    "assessment": QT_TRANSLATE_NOOP("Phases", "Assessment"),
}
"""The engine's phase codes and their English names (the app shows them translated)."""
PHASES_IN_SENTENCE = {
    "events": QT_TRANSLATE_NOOP("Phases", "world events"),
    "diplomacy": QT_TRANSLATE_NOOP("Phases", "diplomacy"),
    "investment": QT_TRANSLATE_NOOP("Phases", "investment"),
    "crisis": QT_TRANSLATE_NOOP("Phases", "crisis"),
    "assessment": QT_TRANSLATE_NOOP("Phases", "assessment"),
}
"""The phase names as they read inside a sentence ("Riyadh ends its diplomacy phase")."""


def phase_name(code: str, lower: bool = False) -> str:
    """The name of the phase ``code`` in the app's language (``lower``: as inside a sentence);
    an unknown code is shown as it is."""
    table = PHASES_IN_SENTENCE if lower else PHASES
    return QCoreApplication.translate("Phases", table[code]) if code in table else code


def current() -> str:
    """The code of the language installed now (English until :func:`install` is called)."""
    return _current[0]


def language(code: str) -> Language:
    """The language with this code (``ar``, ``tr``...); ``ValueError`` naming the choices otherwise."""
    for lang in LANGUAGES:
        if lang.code == code:
            return lang
    raise ValueError(f"unknown language {code!r}; the app speaks "
                     + ", ".join(f"{lg.code} ({lg.name})" for lg in LANGUAGES))


def system_language(locale: QLocale | None = None) -> str:
    """The code of the system locale's language if the app speaks it, else English."""
    name = (locale or QLocale.system()).name()  # e.g. "ar_SA", "tr_TR", "C"
    code = name.split("_", 1)[0].lower()
    return code if any(lg.code == code for lg in LANGUAGES) else DEFAULT


def chosen_language() -> str:
    """The remembered language, else the system's (a remembered code the app no longer knows
    falls back to the system's, so a hand-edited settings file cannot break start-up)."""
    value = settings.settings().value(SETTING, "")
    code = str(value or "")
    if any(lg.code == code for lg in LANGUAGES):
        return code
    return system_language()


def remember_language(code: str) -> None:
    """Remember ``code`` as the app's language (checked: ``ValueError`` for an unknown one)."""
    settings.settings().setValue(SETTING, language(code).code)


def catalogue_path(code: str) -> Path:
    """The compiled catalogue of the app's own texts for ``code``."""
    return CATALOGUE_DIR / f"wargame_{code}.qm"


def install(code: str, app: QCoreApplication | None = None) -> Language:
    """Make ``code`` the app's language now: catalogues, default locale, layout direction.

    English needs no catalogue. A language whose catalogue is missing (a broken install) still
    switches direction and number formats, and its texts stay English.
    """
    lang = language(code)
    app = app or QCoreApplication.instance()
    for old in _installed:
        QCoreApplication.removeTranslator(old)
    _installed.clear()
    if lang.code != DEFAULT:
        own = QTranslator()
        if own.load(str(catalogue_path(lang.code))):
            QCoreApplication.installTranslator(own)
            _installed.append(own)
        qt = QTranslator()
        if qt.load(QLocale(lang.code), "qtbase", "_",
                   QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            QCoreApplication.installTranslator(qt)
            _installed.append(qt)
    _current[0] = lang.code
    QLocale.setDefault(QLocale(lang.code))
    if app is not None and hasattr(app, "setLayoutDirection"):
        app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if lang.right_to_left
                               else Qt.LayoutDirection.LeftToRight)
    return lang


def installed_catalogues() -> int:
    """How many translators are installed now (0 for English)."""
    return len(_installed)
