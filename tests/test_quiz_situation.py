"""Situation questions: a voter at the desk or an event, answered by the engine's own rules,
checked against the author, offered with the engine's options, and played in both languages."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pygame
import pygame_gui
import pytest

from simulator.app.context import make_manager
from simulator.app.quiz_play import QuizLibrary, QuizPlay
from simulator.cli import main
from simulator.content.load import check_file
from simulator.core.desk import DeskView, decide, decide_in
from simulator.core.phases.event_rules import EVENT_RULES
from simulator.core.phases.incidents import responses
from simulator.core.setup import build_world
from simulator.core.situations import SituationProblem, situation_key
from simulator.i18n import catalog
from simulator.persistence.quiz_records import response_json
from simulator.quiz import texts
from simulator.quiz.banks import load_banks
from simulator.quiz.parse import parse_answer
from simulator.quiz.session import Item, Mode, QuizRun, items_of, present
from simulator.quiz.share import engine_share
from simulator.scenes.quiz import DIGIT_KEYS, QuizScene
from simulator.schema.quiz import QuestionType, SituationQuestion
from simulator.xapi.statements import INTERACTIONS
from tests.pilot import Pilot, texts_overflowing
from tests.test_quiz_bank_errors import line_of
from tests.test_scene_quiz import TODAY

BANK = Path(__file__).parent / "fixtures" / "quiz_situation.yaml"
GOOD = BANK.read_text(encoding="utf-8")
ROOT = Path(__file__).resolve().parents[1]


def items() -> list[Item]:
    loaded = load_banks([BANK])
    assert loaded.ok, loaded.problems
    return items_of(loaded.banks)


def item(question_id: str) -> Item:
    return next(i for i in items() if i.question.id == question_id)


def shipped_situations() -> list[Item]:
    return [i for i in items_of(load_banks().banks) if isinstance(i.question, SituationQuestion)]


# --- The engine decides -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question_id", "answer"),
    [
        ("dpk-pagi", "come_back:12:00"),  # §5.4 condition 4
        ("dptb-ppwp", "admit:dptb:ppwp"),  # §5.3: the types on the Model A
        ("tps-lain", "refuse:salah_tps:14"),  # §5.4 condition 1, by number
        ("politik-uang", "lapor_ptps"),  # §18.5
    ],
)
def test_the_engine_gives_the_answer(question_id: str, answer: str) -> None:
    found = item(question_id).key
    assert found.from_engine and found.answer == answer, found


def test_a_voters_options_are_a_few_distinct_decisions_with_the_right_one() -> None:
    for each in items():
        situation = each.key.situation
        assert situation is not None
        options = situation.options
        assert 2 <= len(options) <= 5, f"{each.ref}: {options}"
        assert len(set(options)) == len(options), f"{each.ref}: an option twice: {options}"
        assert each.key.answer in options, f"{each.ref}: the right answer is not offered"
        again = situation_key(each.question)  # type: ignore[arg-type]
        assert again.options == options, f"{each.ref}: the options change between asks"


def test_an_events_options_are_its_responses_and_the_rules_pick_the_right_one() -> None:
    politics = item("politik-uang")
    question = politics.question
    assert isinstance(question, SituationQuestion) and question.event is not None
    assert politics.key.situation is not None
    assert politics.key.situation.options == responses(question.event.kind)
    assert politics.key.answer == EVENT_RULES[question.event.kind].correct


def test_the_game_desk_and_the_quiz_ask_the_same_rule() -> None:
    from simulator.content.load import load_scenario

    scenario = load_scenario(ROOT / "scenarios" / "pemilu-hari-penuh.yaml")
    world = build_world(scenario)
    world.clock = 12 * 60 + 5
    voters = [state.voter for state in world.voters.values()][:80]
    assert voters, "the scenario should bring voters"
    view = DeskView.of(world)
    assert view.types == tuple(world.stocks) and view.clock == world.clock
    for voter in voters:
        assert decide(voter, world) == decide_in(voter, view), voter.id


# --- The author is checked ----------------------------------------------------------------

CASES = [
    ("a decision the engine contradicts", '    answer: "come_back:12:00"\n',
     '    answer: "admit:dpk"\n', "quiz.answer_disagrees_situation", 'answer: "admit:dpk"'),
    ("an event response the rules do not require", "    answer: lapor_ptps\n",
     "    answer: kejar\n", "quiz.answer_disagrees_situation", "answer: kejar"),
    ("an event in a phase it never happens in", "    section: \"18.5\"\n",
     "    section: \"18.5\"\n    phase: penghitungan\n", "quiz.situation_phase",
     "event: {at"),
    ("both a voter and an event", "    event: {at: \"10:15\", kind: politik_uang}\n",
     "    event: {at: \"10:15\", kind: politik_uang}\n    voter: {name: Ani, sex: P, age: 30, "
     "registered: dpt, arrives: \"09:00\"}\n", "schema.value", "  - id: politik-uang"),
    ("a ballot of the other election", "    regulation: PKPU 17/2024 Pasal 1\n",
     "    regulation: PKPU 17/2024 Pasal 1\n    out_of: [ppwp]\n", "lint.contest.election",
     "out_of: [ppwp]"),
]


@pytest.mark.parametrize(("what", "old", "new", "code", "at"), CASES, ids=[c[0] for c in CASES])
def test_a_wrong_situation_is_reported_where_it_is(tmp_path, what, old, new, code, at) -> None:
    assert old in GOOD, f"the fixture no longer holds {old!r}"
    text = GOOD.replace(old, new, 1)
    path = tmp_path / "bank.yaml"
    path.write_text(text, encoding="utf-8")
    report = check_file(path)
    found = [(p.code, p.line) for p in report.errors]
    assert any(c == code for c, _ in found), f"{what}: expected {code}, got {found}"
    if code not in ("schema.value",):
        assert (code, line_of(text, at)) in found, f"{what}: {found}"
    for lang in ("id", "en"):
        for problem in report.errors:
            rendered = problem.render(catalog(lang))
            assert rendered.startswith(f"{path}:{problem.line}:"), rendered


def test_an_unsettled_case_is_refused_with_its_basis(tmp_path) -> None:
    # A DPT voter with only a Kartu Keluarga: §5.5 and §15.4 leave it open.
    text = GOOD.replace("      registered: dptb\n", "      registered: dpt\n", 1).replace(
        "{kind: ktp_el, address: provinsi_lain}, {kind: model_a, ballots: [ppwp]}",
        "{kind: kk}", 1)
    path = tmp_path / "bank.yaml"
    path.write_text(text, encoding="utf-8")
    errors = check_file(path).errors
    assert [p.code for p in errors] == ["quiz.situation_unsettled"], errors
    assert "dpt_kk_sim" in errors[0].render(catalog("en"))


def test_the_message_names_the_engines_answer_and_the_options(tmp_path) -> None:
    path = tmp_path / "bank.yaml"
    path.write_text(GOOD.replace('"admit:dptb:ppwp"', '"admit:dptb"', 1), "utf-8")
    message = check_file(path).errors[0].render(catalog("en"))
    assert "'admit:dptb:ppwp'" in message and "dptb_ktp" in message, message
    assert "options offered: admit:dptb:ppwp" in message, message


@pytest.mark.parametrize(("lang", "words"), [("id", "4 dari 4 jawaban"),
                                             ("en", "4 of 4 quiz bank answers engine-checked")])
def test_validate_prints_the_engine_checked_share(lang: str, words: str, capsys) -> None:
    assert main(["validate", str(BANK), "--lang", lang]) == 0
    out = capsys.readouterr().out
    assert words in out and "(100 %)" in out, out


def test_the_share_counts_every_bank_question() -> None:
    loaded = load_banks()
    share = engine_share(loaded.banks)
    assert share.total == sum(len(b.questions) for b in loaded.banks)
    assert share.checked == sum(1 for i in items_of(loaded.banks) if i.key.from_engine)


# --- Shown, answered and kept -------------------------------------------------------------


def test_every_option_and_case_reads_in_both_languages() -> None:
    for each in items() + shipped_situations():
        for lang in ("id", "en"):
            cat = catalog(lang)
            lines = texts.case_lines(each, cat)
            assert lines and all(line.strip() for line in lines), each.ref
            shown = present(each, random.Random(1))
            words = [c.text for c in texts.choices(each, shown.order, cat)]
            assert len(set(words)) == len(words), f"{each.ref} [{lang}]: options read alike"
            explanation = texts.explanation_text(each, cat)
            assert each.question.explanation.get(lang) in explanation, each.ref


def test_the_case_shows_what_the_decision_rests_on() -> None:
    cat = catalog("en")
    lines = " ".join(texts.case_lines(item("tps-lain"), cat))
    assert "Regional Election" in lines and "12:10" in lines and "TPS 014" in lines, lines
    words = texts.answer_text(item("tps-lain"), "refuse:salah_tps:14", cat)
    assert words == "Direct them to TPS 014, where they are registered"
    lines = " ".join(texts.case_lines(item("dptb-ppwp"), catalog("id")))
    assert "Model A" in lines and "PPWP" in lines and "DPTb" in lines, lines


def test_a_typed_number_picks_the_option_shown_there_and_is_kept_as_its_code() -> None:
    each = item("dpk-pagi")
    shown = present(each, random.Random(4))
    for number, value in enumerate(shown.values, 1):
        assert parse_answer(shown, str(number)) == value
    assert json.loads(response_json("come_back:12:00") or "") == "come_back:12:00"
    assert set(INTERACTIONS) == {str(kind) for kind in QuestionType}


def _pilot(lang: str, text_size: str) -> Pilot:
    pilot = Pilot((1366, 768), lang)
    pilot.ctx.settings.text_size = text_size
    pilot.ctx.manager = make_manager((1366, 768), pilot.ctx.settings)
    pilot.ctx._quiz = QuizLibrary(tuple(items()), ())
    return pilot


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("text_size", ["normal", "besar"])
def test_a_situation_is_answered_by_keys_and_explained(lang: str, text_size: str) -> None:
    pilot = _pilot(lang, text_size)
    for each in items():
        play = QuizPlay(QuizRun(Mode.LATIHAN, [each], random.Random(2)), None, TODAY)
        scene = pilot.show(QuizScene(pilot.ctx, play))
        assert not texts_overflowing(scene), texts_overflowing(scene)
        shown = scene.shown
        assert shown is not None
        shown_text = "".join(getattr(e, "html_text", "") for e in scene.ui.elements)
        assert texts.case_lines(each, pilot.ctx.cat)[0].split(" ")[0] in shown_text
        pilot.key(DIGIT_KEYS[shown.values.index(each.key.answer)])
        assert scene.feedback is not None and scene.feedback.right, each.ref
        scrolling = [e.html_text[:50] for e in scene.ui.elements
                     if isinstance(e, pygame_gui.elements.UITextBox)
                     and getattr(e, "scroll_bar", None) is not None]
        assert not scrolling, f"{each.ref}: feedback to scroll: {scrolling}"


def test_a_situation_is_answered_by_clicking_an_options_words() -> None:
    pilot = _pilot("id", "normal")
    each = item("dptb-ppwp")
    play = QuizPlay(QuizRun(Mode.LATIHAN, [each], random.Random(3)), None, TODAY)
    scene = pilot.show(QuizScene(pilot.ctx, play))
    assert scene.shown is not None
    wrong = next(i for i, v in enumerate(scene.shown.values) if v != each.key.answer)
    row = scene._rows[wrong]
    pilot.frames(1, [pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=row.rect.center)])
    assert scene.feedback is not None and not scene.feedback.right
    text = "".join(getattr(e, "html_text", "") for e in scene.ui.elements)
    assert "Layani sebagai pemilih DPTb dengan surat suara PPWP saja" in text, text


def test_the_class_report_names_a_situation_by_its_case() -> None:
    from simulator.xapi.report import _questions

    text = _questions(catalog("en"))["situasi/sit-dpt-01"]
    assert "Siti Aminah" in text and "voter desk" in text, text
    assert INTERACTIONS["situation"] == "other"  # the response is a decision's code, not a number


def test_the_situation_bank_covers_every_event_and_the_desks_main_cases() -> None:
    situations = [i for i in shipped_situations() if i.bank.bank == "situasi"]
    assert len(situations) >= 50, f"situasi holds {len(situations)} questions, fewer than 50"
    events = {i.question.event.kind for i in situations if i.question.event is not None}  # type: ignore[union-attr]
    missing = sorted(k.value for k in EVENT_RULES if k not in events)
    assert not missing, f"event kinds with no situation question: {missing}"
    answers = {str(i.key.answer).split(":")[0] + ":" + str(i.key.answer).split(":")[1]
               for i in situations if i.question.voter is not None}  # type: ignore[union-attr]
    for wanted in ("admit:dpt", "admit:dptb", "admit:dpk", "come_back:12", "come_back:11",
                   "refuse:bertinta", "refuse:sudah_ditutup", "refuse:identitas_tidak_cocok",
                   "refuse:salah_tps", "refuse:tanpa_identitas", "refuse:surat_suara_habis",
                   "refuse:sudah_pindah_memilih"):
        assert wanted in answers, f"no voter in situasi whose right decision is {wanted}"


def test_at_least_sixty_percent_of_the_shipped_answers_are_the_engines() -> None:
    share = engine_share(load_banks().banks)
    assert share.percent >= 60, (
        f"only {share.checked} of {share.total} answers are engine-checked ({share.percent} %);"
        " issue 14 asks for at least 60 %")


@pytest.mark.parametrize(("dptb_from", "at", "settled"), [
    (None, "09:00", False),  # §15 item 2: the Pilkada's 11:00 is (M), so open without the setting
    (None, "11:30", True),
    ("11:00", "09:00", True),  # the question sets the local hour: come back at 11:00
])
def test_a_pilkada_dptb_voter_before_1100_is_a_question_only_where_the_hour_is_set(
    dptb_from: str | None, at: str, settled: bool
) -> None:
    question = SituationQuestion.model_validate({
        "id": "pkd-dptb-jam", "type": "situation", "topic": "pemilih", "phase": "pemungutan",
        "section": "5.3", "difficulty": "sedang", "election": "pilkada2024",
        "text": {"id": "Kasus", "en": "Case"},
        "explanation": {"id": "Penjelasan.", "en": "Explanation."},
        "regulation": "PKPU 17/2024", "answer": "admit:dptb",
        **({"dptb_from": dptb_from} if dptb_from else {}),
        "voter": {"name": "Rini", "sex": "P", "age": 30, "registered": "dptb", "arrives": at,
                  "documents": [{"kind": "model_a", "ballots": ["gubernur", "bupati"]},
                                {"kind": "ktp_el"}]},
    })
    if settled:
        situation_key(question)
        return
    with pytest.raises(SituationProblem) as caught:
        situation_key(question)
    assert caught.value.params["basis"] == "dptb_jam_pilkada"


FIXTURES = Path(__file__).parent / "fixtures"


def test_situations_written_from_the_handbook_by_another_author_agree_with_the_engine() -> None:
    """79 voters at the desk and events, each answered from the handbook alone before the
    engine's rules were read (an independent audit): the engine gives every one the same
    answer."""
    report = check_file(FIXTURES / "audit_situations.yaml")
    problems = [p.render(catalog("en")) for p in report.errors]
    assert not problems, "\n".join(problems)
    banks = load_banks([FIXTURES / "audit_situations.yaml"])
    assert sum(len(b.questions) for b in banks.banks) >= 79


def test_every_case_the_handbook_leaves_open_is_refused_as_unsettled() -> None:
    """The same author's §15 cases: none may be taught with an answer."""
    report = check_file(FIXTURES / "audit_unsettled.yaml")
    codes = [p.code for p in report.errors]
    cases = [line for line in (FIXTURES / "audit_unsettled.yaml").read_text("utf-8").splitlines()
             if line.lstrip().startswith("- {id:")]
    assert len(cases) >= 8
    assert codes == ["quiz.situation_unsettled"] * len(cases), codes
