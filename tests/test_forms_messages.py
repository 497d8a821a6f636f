"""Every identity, mistake and cell of the C.Hasil can be put into words in both languages."""

from __future__ import annotations

import pytest
from test_forms import (
    CONTESTS,
    DPR,
    IDENTITY_CASES,
    PPWP,
    dpr_day,
    form_with,
    ppwp_day,
)

from simulator.core.forms import (
    IDENTITY_CHECKS,
    MISTAKE_IDS,
    FormMistake,
    IdentityFailure,
    ResultForm,
    UnknownField,
    check_identities,
    check_received,
    diagnose,
    expected_form,
    field_ids,
    field_label,
)
from simulator.i18n import LANGUAGES, catalog
from simulator.schema.scenario import Contest
from simulator.schema.types import BallotType, ElectionType


def render(key: str, params: object) -> dict[str, str]:
    """The text of ``key`` in every language; fails with the key if a placeholder is unfilled."""
    texts = {}
    for lang in LANGUAGES:
        try:
            texts[lang] = catalog(lang).text(key, **dict(params))  # type: ignore[call-overload]
        except KeyError as missing:
            pytest.fail(f"{lang}:{key} needs {missing} which the core does not give ({params})")
        assert "{" not in texts[lang], f"{lang}:{key} left a placeholder: {texts[lang]!r}"
    return texts


def test_every_identity_has_a_title_a_rule_and_explanations() -> None:
    for lang in LANGUAGES:
        strings = catalog(lang).strings
        for identity, checks in IDENTITY_CHECKS.items():
            for suffix in ("title", "rule"):
                assert f"forms.identity.{identity}.{suffix}" in strings, (
                    f"{lang}: {identity} has no {suffix}"
                )
            for check in checks:
                failure = IdentityFailure(identity, check, ())
                assert failure.explanation_key in strings, (
                    f"{lang}: {identity} check {check!r} has no explanation"
                )


@pytest.mark.parametrize("case", IDENTITY_CASES, ids=lambda c: f"{c[0]}-{c[1] or 'only'}")
def test_identity_failures_render_with_their_figures(
    case: tuple[str, str, Contest, dict[str, int], dict[str, int]],
) -> None:
    _, _, contest, cells, breaks = case
    (failure,) = check_identities(form_with(contest, {**cells, **breaks}), contest)
    render(failure.title_key, failure.params)
    for lang, text in render(failure.explanation_key, failure.params).items():
        for name, value in failure.params.items():
            assert str(value) in text, f"{lang}: {name}={value} is not shown in {text!r}"


def test_r11_failure_renders() -> None:
    (failure,) = check_received(form_with(PPWP, {"II.1": 300}), 299, ElectionType.PEMILU_2024)
    texts = render(failure.explanation_key, failure.params)
    assert "305" in texts["id"] and "305" in texts["en"], texts


def _sample_mistakes() -> list[FormMistake]:
    ppwp, dpr = expected_form(ppwp_day(), PPWP), expected_form(dpr_day(), DPR)

    def wrong(form: ResultForm, **cells: int) -> ResultForm:
        copy = form.clone()
        for field_id, value in cells.items():
            copy.set(field_id.replace("_", "."), value)
        return copy

    others = {BallotType.PPWP: ppwp}
    return [
        *diagnose(wrong(ppwp, II_2=6, V_invalid=3, I_B2_total=2, I_B3_total=5), ppwp, PPWP),
        *diagnose(wrong(ppwp, II_4=204, I_A1_men=1), ppwp, PPWP),
        *diagnose(wrong(dpr, V_valid=309, I_B4_total=205, II_4=205), dpr, DPR, others),
    ]


def test_every_mistake_renders() -> None:
    mistakes = _sample_mistakes()
    assert {m.mistake for m in mistakes} == set(MISTAKE_IDS), "the sample covers every mistake"
    for mistake in mistakes:
        render(mistake.title_key, mistake.params)
        render(mistake.explanation_key, mistake.params)


@pytest.mark.parametrize("contest", CONTESTS, ids=lambda c: c.ballot.value)
def test_every_cell_has_a_label(contest: Contest) -> None:
    for field_id in field_ids(contest):
        labels = field_label(field_id)
        assert labels, field_id
        for label in labels:
            render(label.key, label.params)


def test_labels_use_the_c_hasil_wording() -> None:
    (label,) = field_label("II.4")
    assert catalog("id").text(label.key) == "Jumlah surat suara yang digunakan"
    assert catalog("en").text(label.key) == "Ballots used"
    row, column = field_label("I.B2.women")
    assert (row.key, column.key) == ("forms.field.I.B2", "forms.column.women")
    (candidate,) = field_label("IV.party:3/cand:2")
    assert "2" in catalog("id").text(candidate.key, **candidate.params)


@pytest.mark.parametrize(
    "field_id",
    ["IV.invalid", "IV.party:1/x", "IV.pair:1/total", "IV.pair:x", "I.C1.men", "VI.valid"],
)
def test_unknown_cells_have_no_label(field_id: str) -> None:
    with pytest.raises(UnknownField):
        field_label(field_id)


def test_section_headings_exist() -> None:
    for lang in LANGUAGES:
        for section in ("I", "I.A", "I.B", "II", "III", "IV", "V"):
            assert catalog(lang).has(f"forms.section.{section}"), f"{lang}: section {section}"


@pytest.mark.parametrize(
    ("row", "key", "params"),
    [
        ("pair:2", "forms.field.IV.pair", {"pair": 2}),
        ("cand:3", "forms.field.IV.cand", {"candidate": 3}),
        ("party:4", "forms.field.IV.party", {"party": 4}),
        ("party:4/total", "forms.field.IV.party_total", {"party": 4}),
        ("party:4/cand:1", "forms.field.IV.party_candidate", {"party": 4, "candidate": 1}),
        ("kosong", "forms.field.IV.kosong", {}),
    ],
)
def test_each_kind_of_vote_row_is_named_as_itself(
    row: str, key: str, params: dict[str, int]
) -> None:
    """A pair's row on the form screen reads as a pair's, never a party's (issue 11, item 7),
    and the words differ in both languages."""
    (label,) = field_label(f"IV.{row}")
    assert (label.key, label.params) == (key, params)
    for lang in ("id", "en"):
        words = catalog(lang)(label.key, **label.params)
        assert words != label.key, f"no {lang} words for {label.key}"
    pair_words = catalog("id")("forms.field.IV.pair", pair=1)
    party_words = catalog("id")("forms.field.IV.party", party=1)
    assert pair_words != party_words
