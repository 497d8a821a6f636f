"""The class report a trainer makes from the class's exports: every statement counted once, in
the chosen language, and whatever was not counted (another tool's file, a line edited after
export or cut short on a stick, a value out of shape) named with its file and line — on the
terminal, at the top of the page, and in the exit code."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.district import PLAN, PLAN_SCENARIOS, write_district
from simulator.app.play import Mode, PlaySession
from simulator.cli import main as cli_main
from simulator.core.actionlog import parse_log
from simulator.persistence.quiz_records import QuizRecords
from simulator.persistence.store import SaveStore
from simulator.quiz.session import Mode as QuizMode
from simulator.xapi.export import export
from simulator.xapi.reading import MAX_LINE, read_files
from tests.pilot import entry

ROOT = Path(__file__).resolve().parents[1]
TRAINEES = 12


@pytest.fixture(scope="module")
def district(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("district")
    write_district(folder, TRAINEES)
    return folder


@pytest.fixture
def laptop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A laptop's real save: a day played with mistakes and two quiz answers, exported."""
    monkeypatch.setenv("SIMULASI_TPS_DATA", str(tmp_path / "data"))
    store, _ = SaveStore.open(tmp_path / "data")
    rina = store.create_profile("Rina")
    log = parse_log(
        (ROOT / "tests" / "playthroughs" / "meja-pemilih-jebakan.keliru.log").read_text("utf-8")
    )
    session = PlaySession.begin(entry(log.header.scenario), Mode.LATIHAN, store, rina.id)
    for logged in log.entries:
        session.do(logged.action)
    assert session.finished and session.save()
    records = QuizRecords(store, rina.id)
    records.record_answer(QuizMode.LATIHAN, "pemungutan/pmg-dpk-05", "pemilih", True,
                          kind="single", response="1", millis=5000)
    records.record_answer(QuizMode.LATIHAN, "persiapan/prs-buka-01", "pembukaan", False)
    out = tmp_path / "flashdisk" / "rina.jsonl"
    out.parent.mkdir()
    export(store, store.profiles(), out)
    store.close()
    yield out


def report(*args: str | Path, lang: str = "id") -> int:
    return cli_main(["--lang", lang, "report", *map(str, args)])


@pytest.mark.slow
def test_a_laptops_export_makes_a_report(laptop: Path, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "kelas.html"
    assert report(laptop, "--out", out) == 0
    page = out.read_text("utf-8")
    assert "1 peserta" in capsys.readouterr().out
    assert "Kelas sekilas" in page and "Kesalahan yang paling sering" in page
    assert "Melayani pemilih" in page, "topics by their names, not their ids"
    assert "Syarat mana yang harus dipenuhi" in page, "a question by its words"
    assert "UU 7/2017 Pasal 516; PKPU 25/2023 Pasal 80(3) · Pilkada: UU 10/2016" in page
    assert "Pasal 50(3)(d) (H)" in page, "each mistake's basis with the handbook's grade"
    assert "(M) berita atau penjelasan KPU daerah" in page, "and the grades explained"
    assert "<script" not in page and "http://" not in page.replace(
        "http://www.w3.org/2000/svg", "").replace("http://pygal.org", "").replace(
        "http://github.com/Kozea/pygal", ""), "nothing loaded from elsewhere: a hall is offline"


@pytest.mark.slow
def test_the_report_speaks_the_chosen_language(district: Path, tmp_path: Path) -> None:
    for lang, words, foreign in (("id", "Analisis butir soal", "Item analysis"),
                                 ("en", "Quiz item analysis", "Analisis butir")):
        out = tmp_path / f"{lang}.html"
        assert report(district, "--out", out, lang=lang) == 0
        page = out.read_text("utf-8")
        assert words in page and foreign not in page
        assert f'<html lang="{lang}">' in page
        assert "report." not in page, "no translation key shows instead of its words"


def test_a_district_report_counts_each_trainee(district: Path) -> None:
    reading = read_files([district])
    assert reading.clean and reading.records.summary().trainees == TRAINEES
    [plan] = reading.records.plans({PLAN: PLAN_SCENARIOS})
    assert plan.plan == PLAN and plan.trainees == TRAINEES // 2
    assert plan.gains, "the pre-test and post-test give a gain per topic"
    # trainee 0 of every twenty left before the post-test; the rest finished
    assert [(name, missing) for name, _, missing in plan.unfinished] == [
        ("Peserta 00000", ("post",))]


@pytest.mark.slow
def test_the_report_names_a_shipped_plan_and_who_has_not_finished(
    district: Path, tmp_path: Path
) -> None:
    out = tmp_path / "r.html"
    assert report(district, "--out", out) == 0
    page = out.read_text("utf-8")
    assert "Bimtek KPPS Pemilu: satu hari di TPS" in page, "the plan by its title"
    assert "1 peserta belum menyelesaikan semua langkah" in page


@pytest.mark.slow
def test_the_same_export_given_twice_counts_once(district: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    copy = tmp_path / "lagi.jsonl"
    first = sorted(district.glob("*.jsonl"))[0]
    copy.write_bytes(first.read_bytes())
    once = read_files([district]).records.summary()
    twice = read_files([district, copy])
    assert twice.records.summary() == once
    assert twice.repeated_sources == [str(copy)] and twice.clean
    out = tmp_path / "r.html"
    assert report(district, copy, "--out", out) == 0, "a repeat is told, not an error"
    assert "dua kali" in out.read_text("utf-8")


def lines_of(path: Path) -> list[str]:
    return path.read_text("utf-8").splitlines(keepends=True)


@pytest.mark.slow
def test_a_tampered_line_is_named_and_not_counted(
    laptop: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = lines_of(laptop)
    day = json.loads(lines[0])
    day["result"]["score"]["raw"] = 100  # a trainee's score raised after export
    day["result"]["success"] = True
    lines[0] = json.dumps(day) + "\n"
    edited = tmp_path / "diubah.jsonl"
    edited.write_text("".join(lines), "utf-8")
    out = tmp_path / "r.html"
    assert report(edited, "--out", out) == 2
    err = capsys.readouterr().err
    assert f"{edited}: baris 1: catatan ini diubah setelah diekspor" in err
    page = out.read_text("utf-8")
    assert "Ada yang tidak dihitung" in page, "the page says so at its top"
    assert read_files([edited]).records.summary().days == 0


@pytest.mark.slow
def test_a_file_cut_short_is_named_at_its_last_line(
    district: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = sorted(district.glob("*.jsonl"))[0]
    data = source.read_bytes()
    cut = tmp_path / "terpotong.jsonl"
    cut.write_bytes(data[: len(data) - 200])
    total = data.count(b"\n")
    reading = read_files([cut])
    assert [(u.line, u.reason) for u in reading.unread] == [(total, "truncated")]
    assert reading.statements == total - 1, "every whole line before the cut still counts"
    assert report(cut, "--out", tmp_path / "r.html", lang="en") == 2
    assert f"{cut}: line {total}: the file is cut short here" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b'[{"id": "x"}]\n', "not_export"),  # a JSON file, not JSON Lines
        (json.dumps({  # a valid xAPI statement from another tool
            "id": "3f0b3c5e-9b7e-4f55-9a53-5a1c6f1e0d11",
            "actor": {"mbox": "mailto:a@example.com"},
            "verb": {"id": "http://adlnet.gov/expapi/verbs/completed"},
            "object": {"id": "http://moodle.example/course/1"},
        }).encode() + b"\n", "not_export"),
        (b"\x89PNG\r\n\x1a\n\x00\x00binary", "not_export"),
        (b"", "empty"),
        (b"[" * 200_000 + b"\n", "not_export"),  # nested past the parser's depth
    ],
)
def test_a_file_that_is_not_an_export_is_left_whole(tmp_path: Path, content: bytes,
                                                    reason: str) -> None:
    path = tmp_path / "asing.jsonl"
    path.write_bytes(content)
    reading = read_files([path])
    assert [u.reason for u in reading.unread] == [reason]
    assert reading.statements == 0


def test_a_line_too_long_is_skipped_without_being_held(district: Path, tmp_path: Path) -> None:
    lines = lines_of(sorted(district.glob("*.jsonl"))[0])
    lines.insert(2, "x" * (MAX_LINE + 10) + "\n")
    path = tmp_path / "panjang.jsonl"
    path.write_text("".join(lines), "utf-8")
    reading = read_files([path])
    assert [(u.line, u.reason) for u in reading.unread] == [(3, "too_long")]
    assert reading.statements == len(lines) - 1


def test_statements_of_another_tool_among_the_games_are_told_apart(
    laptop: Path, tmp_path: Path
) -> None:
    lines = lines_of(laptop)
    foreign = json.loads(lines[1])
    foreign["object"]["id"] = "http://moodle.example/question/9"
    lines.append(json.dumps(foreign) + "\n")
    path = tmp_path / "campur.jsonl"
    path.write_text("".join(lines), "utf-8")
    reading = read_files([path])
    assert [(u.line, u.reason, u.field) for u in reading.unread] == [
        (len(lines), "foreign", "object.id")]


def test_missing_inputs_and_nothing_to_count(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r.html"
    assert report(tmp_path / "tidak-ada", "--out", out) == 2
    err = capsys.readouterr().err
    assert "tidak ada" in err and "laporan tidak dibuat" in err
    assert not out.exists(), "no report of nothing"
    empty = tmp_path / "kosong"
    empty.mkdir()
    assert report(empty, "--out", out) == 2
    assert "tidak berisi berkas ekspor" in capsys.readouterr().err
    assert report("--out", out) == 2


@pytest.mark.slow
def test_an_unwritable_report_says_where(district: Path, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "berkas"
    blocker.write_text("bukan folder", "utf-8")
    target = blocker / "r.html"
    assert report(district, "--out", target) == 2
    assert f"Tidak dapat menulis {target}" in capsys.readouterr().err


def test_a_class_plan_followed_in_the_game_shows_its_gain(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Answers saved under the shipped plan, exported from the laptop, read by the report: the
    pre-test to post-test gain per topic, and the trainee who has not played the scenarios."""
    from simulator.schema.plan_tag import PlanTag

    monkeypatch.setenv("SIMULASI_TPS_DATA", str(tmp_path / "data"))
    store, _ = SaveStore.open(tmp_path / "data")
    dewi = store.create_profile("Dewi")
    records = QuizRecords(store, dewi.id)
    for part, right in (("pre", [True, False, False, False]), ("post", [True, True, True, False])):
        for number, correct in enumerate(right):
            records.record_answer(QuizMode.UJIAN, f"pemungutan/pmg-q{number}", "pemilih",
                                  correct, plan=PlanTag(PLAN, part))  # type: ignore[arg-type]
    out = tmp_path / "dewi.jsonl"
    export(store, store.profiles(), out)
    store.close()
    reading = read_files([out])
    assert reading.clean
    [plan] = reading.records.plans({PLAN: PLAN_SCENARIOS})
    [gain] = plan.gains
    assert (gain.topic, gain.pre, gain.post, gain.gain) == ("pemilih", 25, 75, 50)
    assert plan.unfinished == (("Dewi", plan.unfinished[0][1], PLAN_SCENARIOS),)


def test_other_tools_statements_in_an_lrs_are_left_out_not_flagged(laptop: Path) -> None:
    """A district's LRS also holds its LMS's statements: the report leaves them out and says
    how many, without calling them a problem (in a file they are one)."""
    from simulator.xapi.reading import read_lrs

    ours = [json.loads(line) for line in lines_of(laptop)]
    moodle = {"id": "3f0b3c5e-9b7e-4f55-9a53-5a1c6f1e0d11",
              "actor": {"mbox": "mailto:a@example.com"},
              "verb": {"id": "http://adlnet.gov/expapi/verbs/completed"},
              "object": {"id": "http://moodle.example/course/1"}}
    reading = read_lrs(iter([moodle, *ours]), "http://lrs.example/xAPI")
    assert reading.clean and reading.others == 1 and reading.statements == len(ours)
