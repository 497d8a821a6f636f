"""Both languages hold the same keys with the same placeholders."""

from simulator.i18n import LANGUAGES, catalog, placeholders


def test_every_key_exists_in_every_language() -> None:
    keys = {lang: set(catalog(lang).strings) for lang in LANGUAGES}
    for lang, own in keys.items():
        for other, theirs in keys.items():
            missing = sorted(theirs - own)
            assert not missing, (
                f"{len(missing)} keys in {other!r} are missing in {lang!r}: {missing[:20]}"
            )


def test_placeholders_agree_between_languages() -> None:
    base = catalog("id").strings
    for lang in LANGUAGES:
        for key, text in catalog(lang).strings.items():
            assert placeholders(text) == placeholders(base[key]), (
                f"{lang}:{key} uses {sorted(placeholders(text))}, "
                f"id uses {sorted(placeholders(base[key]))}"
            )


def test_no_text_is_left_empty() -> None:
    for lang in LANGUAGES:
        empty = [key for key, text in catalog(lang).strings.items() if not text.strip()]
        assert not empty, f"empty {lang!r} texts: {empty}"
