"""The class report as one self-contained HTML page: no script, no file beside it, no address
on the internet (a hall has none), charts as inline SVG drawn by pygal, and a print style so a
browser's "print to PDF" gives the trainer a clean handout."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence

import pygal
from pygal.style import Style

from simulator.i18n import Catalog
from simulator.xapi.analysis import FOLLOW_UP_PERCENT, ItemAnalysis
from simulator.xapi.report import SCORE_BANDS, ClassReport, rule_regulation, unread_reason

MAX_ROWS = 5_000  # rows of one table; a district's page stays one a browser opens
MAX_MISTAKES = 30  # the mistakes a class works on first; the rarer ones are counted, not listed

CHART_STYLE = Style(
    background="white",
    plot_background="white",
    foreground="#222222",
    foreground_strong="#111111",
    foreground_subtle="#888888",
    colors=("#1f5fa8", "#c0392b", "#2e8b57"),
    font_family="'DejaVu Sans', Arial, sans-serif",
    label_font_size=13,
    major_label_font_size=13,
    value_font_size=13,
    value_label_font_size=13,
    title_font_size=16,
    legend_font_size=13,
)

CSS = """
body { font-family: 'DejaVu Sans', Arial, sans-serif; color: #1a1a1a; margin: 2em auto;
       max-width: 70em; padding: 0 1em; line-height: 1.45; }
h1 { font-size: 1.8em; margin-bottom: 0.2em; }
h2 { font-size: 1.35em; margin-top: 1.8em; border-bottom: 2px solid #1f5fa8;
     padding-bottom: 0.2em; }
h3 { font-size: 1.1em; margin: 1.2em 0 0.3em; }
p.note { color: #444; margin: 0.3em 0 0.8em; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1em; }
th, td { border: 1px solid #c8c8c8; padding: 0.35em 0.55em; text-align: left;
         vertical-align: top; }
th { background: #eef3f9; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.id { white-space: nowrap; font-family: 'DejaVu Sans Mono', monospace; font-size: 0.9em; }
.glance { display: flex; flex-wrap: wrap; gap: 1em; margin: 1em 0; }
.glance div { border: 1px solid #c8c8c8; border-radius: 6px; padding: 0.6em 1em;
              min-width: 9em; }
.glance b { display: block; font-size: 1.8em; }
.bar { background: #dfe8f3; height: 0.9em; min-width: 6em; }
.bar span { display: block; background: #1f5fa8; height: 100%; }
.flag { font-weight: bold; color: #a12a1c; }
.warn { border: 2px solid #c0392b; background: #fdf1ef; padding: 0.6em 1em;
        border-radius: 6px; }
.charts { display: flex; flex-wrap: wrap; gap: 1em; }
.charts figure { margin: 0; width: 21em; }
.charts figcaption { font-size: 0.95em; color: #333; }
svg { max-width: 100%; height: auto; }
footer { margin-top: 3em; color: #555; font-size: 0.9em; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  h2 { break-after: avoid; }
  tr, figure, .glance div { break-inside: avoid; }
}
"""


def render_html(report: ClassReport, cat: Catalog, generated: str) -> str:
    """The whole page, in the report's language; ``generated`` is when, as the reader reads
    a date."""
    t = _Texts(cat)
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{html.escape(report.lang)}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{t('title')}</title><style>{CSS}</style></head><body>",
        f"<h1>{t('title')}</h1>",
    ]
    made = t("made", when=generated, sources=grouped(report.sources, report.lang),
             statements=grouped(report.statements, report.lang))
    parts.append(f'<p class="note">{made}</p>')
    if report.others:
        others = t("others", count=grouped(report.others, report.lang))
        parts.append(f'<p class="note">{others}</p>')
    parts += _unread(report, t)
    parts += _contents(report, t)
    parts += _glance(report, t)
    parts += _mistakes(report, t)
    parts += _phases(report, t)
    parts += _topics(report, t)
    parts += _items(report, t)
    parts += _follow_ups(report, t)
    parts += _plans(report, t)
    parts.append(f"<footer>{t('method')}</footer></body></html>")
    return "\n".join(parts)


class _Texts:
    """The report's words, escaped for HTML (parameters too)."""

    def __init__(self, cat: Catalog) -> None:
        self.cat = cat

    def __call__(self, key: str, **params: object) -> str:
        if not params:
            return html.escape(self.raw(key), quote=False)
        return html.escape(self.cat.strings[f"report.{key}"], quote=False).format(
            **{name: html.escape(str(value)) for name, value in params.items()}
        )

    def raw(self, key: str, **params: object) -> str:
        return self.cat(f"report.{key}", **params)


def _unread(report: ClassReport, t: _Texts) -> list[str]:
    if not report.unread and not report.repeated_sources:
        return []
    parts = []
    if report.unread:
        rows = "".join(
            f"<li>{html.escape(u.source)}"
            + (f", {t('line', line=u.line)}" if u.line else "")
            + f": {html.escape(unread_reason(t.cat, u), quote=False)}"
            + (f" ({html.escape(u.field)})" if u.field else "")
            + "</li>"
            for u in report.unread
        )
        more = report.unread_count - sum(1 for u in report.unread if u.line)
        tail = f"<p>{t('unread_more', count=more)}</p>" if more > 0 else ""
        parts.append(f'<div class="warn"><h3>{t("unread_title")}</h3>'
                     f"<p>{t('unread_intro')}</p><ul>{rows}</ul>{tail}</div>")
    if report.repeated_sources:
        rows = "".join(f"<li>{html.escape(s)}</li>" for s in report.repeated_sources)
        parts.append(f'<p class="note">{t("repeated")}</p><ul>{rows}</ul>')
    return parts


def _contents(report: ClassReport, t: _Texts) -> list[str]:
    """Links to the sections: a district's page is long."""
    sections = ["glance", "mistakes", "phases", *(["topics"] if report.topics else []),
                "items", "follow_ups", *(["plans"] if report.plans else [])]
    links = " · ".join(f'<a href="#{name}">{t(name)}</a>' for name in sections)
    return [f'<nav class="note contents">{links}</nav>']


def _glance(report: ClassReport, t: _Texts) -> list[str]:
    s = report.summary
    boxes = [
        (s.trainees, t("glance_trainees")),
        (s.days, t("glance_days", passed=s.days_passed)),
        (s.exams, t("glance_exams", passed=s.exams_passed)),
        (s.answers, t("glance_answers")),
        (sum(1 for row in report.items if row.item.flags), t("glance_to_check")),
        (len(report.follow_ups), t("glance_follow_ups")),
    ]
    inner = "".join(f"<div><b>{grouped(number, report.lang)}</b>{label}</div>"
                    for number, label in boxes)
    return [f'<h2 id="glance">{t("glance")}</h2>', f'<div class="glance">{inner}</div>']


def _mistakes(report: ClassReport, t: _Texts) -> list[str]:
    parts = [f'<h2 id="mistakes">{t("mistakes")}</h2>']
    if not report.mistakes:
        return [*parts, f"<p>{t('mistakes_none')}</p>"]
    parts.append(f'<p class="note">{t("mistakes_intro")} {t("mistakes_confidence")}</p>')
    head = _row([t("col_mistake"), t("col_phase"), t("col_trainees"), "", t("col_demo")],
                header=True, numeric={2})
    rows = []
    for row in report.mistakes[:MAX_MISTAKES]:
        share = row.share
        demos = "<br>".join(
            f"{html.escape(d.title)} <small>({html.escape(d.file)})</small>" for d in row.demos
        ) or "—"
        under = " · ".join(x for x in (", ".join(share.mistakes), rule_regulation(share.rule)) if x)
        title = f"{html.escape(row.title)}<br><small>{html.escape(under)}</small>"
        bar = f'<div class="bar"><span style="width:{100 * share.share:.0f}%"></span></div>'
        rows.append(_row([title, html.escape(row.phase),
                          f"{share.trainees} ({100 * share.share:.0f}%)", bar, demos],
                         numeric={2}, escaped=True))
    return [*parts, _table(head, rows), *_cut(t, len(report.mistakes), MAX_MISTAKES)]


def _phases(report: ClassReport, t: _Texts) -> list[str]:
    parts = [f'<h2 id="phases">{t("phases")}</h2>']
    if not report.phases:
        return [*parts, f"<p>{t('phases_none')}</p>"]
    parts.append(f'<p class="note">{t("phases_intro")}</p>')
    labels = [f"{low}–{high}" for low, high in SCORE_BANDS]
    figures = []
    for phase in report.phases:
        chart = pygal.Bar(
            js=[], disable_xml_declaration=True, style=CHART_STYLE, width=420, height=260,
            show_legend=False, print_values=True, x_title=t.raw("axis_score"),
            truncate_label=-1,
            y_title=t.raw("axis_trainees"), margin=8,
        )
        chart.uuid = f"phase-{phase.phase}"  # one stable id per chart: the page is repeatable
        chart.x_labels = labels
        chart.add(t.raw("axis_trainees"), list(phase.bands))
        caption = t("phase_caption", phase=phase.name, count=len(phase.scores),
                    median=f"{phase.median:.0f}")
        figures.append(f"<figure>{_svg(chart)}"
                       f"<figcaption>{caption}</figcaption></figure>")
    return [*parts, f'<div class="charts">{"".join(figures)}</div>']


def _topics(report: ClassReport, t: _Texts) -> list[str]:
    if not report.topics:
        return []
    chart = pygal.HorizontalBar(
        js=[], disable_xml_declaration=True, style=CHART_STYLE, width=900,
        height=60 + 34 * len(report.topics), show_legend=False, print_values=True,
        range=(0, 100), margin=8, value_formatter=lambda v: f"{v:.0f}%",
    )
    chart.uuid = "topics"
    # pygal lists a horizontal chart's labels from the bottom: reversed, they read top down
    chart.x_labels = [name for name, _ in reversed(report.topics)]
    chart.add(t.raw("axis_right"), [round(p, 1) for _, p in reversed(report.topics)])
    return [f'<h2 id="topics">{t("topics")}</h2>', f'<p class="note">{t("topics_intro")}</p>',
            _svg(chart)]


def _items(report: ClassReport, t: _Texts) -> list[str]:
    parts = [f'<h2 id="items">{t("items")}</h2>']
    if not report.items:
        return [*parts, f"<p>{t('items_none')}</p>"]
    parts.append(f'<p class="note">{t("items_intro")}</p>')
    head = _row([t("col_question"), t("col_topic"), t("col_answered"), t("col_facility"),
                 t("col_discrimination"), t("col_flags")], header=True, numeric={2, 3, 4})
    rows = []
    for row in report.items[:MAX_ROWS]:
        item = row.item
        text = (f"{html.escape(_short(row.text))}<br><small>{html.escape(item.question)}"
                "</small>")
        rows.append(_row([text, html.escape(row.topic), str(item.answered_by),
                          f"{item.facility:.0f}%", _discrimination(item, t), _flags(item, t)],
                         numeric={2, 3, 4}, escaped=True))
    return [*parts, _table(head, rows), *_cut(t, len(report.items))]


def _follow_ups(report: ClassReport, t: _Texts) -> list[str]:
    parts = [f'<h2 id="follow_ups">{t("follow_ups")}</h2>']
    if not report.follow_ups:
        return [*parts, f"<p>{t('follow_ups_none')}</p>"]
    parts.append(f'<p class="note">{t("follow_ups_intro", percent=FOLLOW_UP_PERCENT)}</p>')
    head = _row([t("col_trainee"), t("col_laptop"), t("col_weak_topics"),
                 t("col_days_not_passed")], header=True, numeric={3})
    rows = [
        _row([follow.trainee, follow.laptop[:8],
              ", ".join(report.topic_names.get(x, x) for x in follow.weak_topics) or "—",
              str(follow.days_not_passed)], numeric={3}, ids={1})
        for follow in report.follow_ups[:MAX_ROWS]
    ]
    return [*parts, _table(head, rows), *_cut(t, len(report.follow_ups))]


def _plans(report: ClassReport, t: _Texts) -> list[str]:
    if not report.plans:
        return []
    parts = [f'<h2 id="plans">{t("plans")}</h2>']
    for title, plan in report.plans:
        parts.append(f"<h3>{html.escape(title)}</h3>")
        parts.append(f'<p class="note">{t("plan_began", count=plan.trainees)}</p>')
        if plan.gains:
            chart = pygal.HorizontalBar(
                js=[], disable_xml_declaration=True, style=CHART_STYLE, width=900,
                height=90 + 44 * len(plan.gains), range=(0, 100), print_values=True, margin=8,
                value_formatter=lambda v: f"{v:.0f}%", legend_at_bottom=True,
                truncate_label=-1,
            )
            chart.uuid = f"plan-{plan.plan}"
            # a horizontal chart lists its labels from the bottom: reversed, they read down
            gains = list(reversed(plan.gains))
            chart.x_labels = [report.topic_names.get(g.topic, g.topic) for g in gains]
            chart.add(t.raw("pre"), [round(g.pre, 1) for g in gains])
            chart.add(t.raw("post"), [round(g.post, 1) for g in gains])
            head = _row([t("col_topic"), t("col_both"), t("pre"), t("post"), t("col_gain")],
                        header=True, numeric={1, 2, 3, 4})
            rows = [
                _row([report.topic_names.get(g.topic, g.topic), str(g.trainees),
                      f"{g.pre:.0f}%", f"{g.post:.0f}%", f"{g.gain:+.0f}"], numeric={1, 2, 3, 4})
                for g in plan.gains
            ]
            parts += [_svg(chart), _table(head, rows)]
        else:
            parts.append(f"<p>{t('plan_no_gain')}</p>")
        if plan.unfinished:
            head = _row([t("col_trainee"), t("col_laptop"), t("col_missing")], header=True)
            rows = [
                _row([name, laptop[:8], ", ".join(_part(t, part) for part in missing)], ids={1})
                for name, laptop, missing in plan.unfinished[:MAX_ROWS]
            ]
            parts += [f"<p>{t('plan_unfinished', count=len(plan.unfinished))}</p>",
                      _table(head, rows)]
        else:
            parts.append(f"<p>{t('plan_all_finished')}</p>")
    return parts


def _svg(chart: pygal.graph.graph.Graph) -> str:
    """The chart's SVG without pygal's script (a global holding its config, for tooltips from a
    script on the internet this page never loads) and without its comments."""
    svg = chart.render(is_unicode=True)
    return _COMMENT.sub("", _SCRIPT.sub("", svg))


_SCRIPT = re.compile(r"<script\b.*?</script>", re.DOTALL)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def grouped(value: int, lang: str) -> str:
    """Thousands grouped as the language writes them: 20.000 in Indonesian, 20,000 in English."""
    grouped = f"{value:,}"
    return grouped.replace(",", ".") if lang == "id" else grouped


def _part(t: _Texts, part: str) -> str:
    return t.raw(part) if part in ("pre", "post") else part


def _discrimination(item: ItemAnalysis, t: _Texts) -> str:
    if item.discrimination is None:
        return "—"
    return f"{item.discrimination:.0f}".replace("-0", "0") if round(item.discrimination) == 0 \
        else f"{item.discrimination:.0f}"


def _flags(item: ItemAnalysis, t: _Texts) -> str:
    return "<br>".join(f'<span class="flag">{t("flag_" + flag)}</span>'
                       for flag in item.flags) or "—"


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _cut(t: _Texts, total: int, shown: int = MAX_ROWS) -> list[str]:
    return [f'<p class="note">{t("rows_cut", shown=shown, total=total)}</p>'] if (
        total > shown) else []


def _row(cells: Sequence[str], *, header: bool = False, numeric: Iterable[int] = (),
         ids: Iterable[int] = (), escaped: bool = False) -> str:
    tag = "th" if header else "td"
    numbers, codes = set(numeric), set(ids)
    out = []
    for index, cell in enumerate(cells):
        css = ' class="num"' if index in numbers else ' class="id"' if index in codes else ""
        text = cell if (escaped or header) else html.escape(cell)
        out.append(f"<{tag}{css}>{text}</{tag}>")
    return "<tr>" + "".join(out) + "</tr>"


def _table(head: str, rows: list[str]) -> str:
    return f"<table><thead>{head}</thead><tbody>{''.join(rows)}</tbody></table>"
