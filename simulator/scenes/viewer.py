"""The replay viewer: a recorded day shown step by step on the phase screens themselves.

The viewer is a band along the bottom of the window over the phase screen of the step it
stands at: the timeline of the whole day (its phases, a marker at every mistake, shaped and
coloured by severity), where it stands, the trainer's notes for that step, and the buttons
and keys that move it. At a mistake a card beside the screen says what was done, the rule
and its explanation, the consequence and the basis, and what the engine's careful crew does
from that very state. The screen under the band is the game's own scene, given the recorded
day at that step read-only (:mod:`simulator.app.viewing`): the viewer has no rule of its own.

Keys: Left/Right one step, Space play or pause, +/- speed, N/P next or previous mistake,
Home/End, 1-7 the start of a phase, PageUp/PageDown the previous or next phase, C the card,
Esc close. Every key has a button, and a click on the timeline goes to that step.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from simulator.app import layout
from simulator.app.context import AppContext
from simulator.app.scene import Scene
from simulator.app.viewing import ReplayView, severest
from simulator.app.widgets import escape, offer_key
from simulator.art import palette
from simulator.core.rules import Finding
from simulator.presenter import finding_text
from simulator.presenter.labels import action_label
from simulator.schema.clock import format_minutes
from simulator.schema.types import Severity

BAND_H = 150  # design units: the band's height
BAR_H = 34  # design units: the timeline's height
CARD_W = 470  # design units: the mistake card's width
MISTAKES_ON_CARD = 3  # mistakes of one step explained on the card (the debrief has them all)
SEVERITY_COLOURS = {
    Severity.KRITIS: palette.DANGER,
    Severity.BERAT: palette.WARNING,
    Severity.RINGAN: palette.PRIMARY,
}
PHASE_KEYS = {pygame.K_1 + n: n for n in range(9)} | {pygame.K_KP1 + n: n for n in range(9)}


class ReplayViewer(Scene):
    overlay = True
    dims_below = False

    def __init__(
        self, ctx: AppContext, view: ReplayView, on_close: Callable[[], None] | None = None
    ) -> None:
        super().__init__(ctx)
        self.view = view
        self.on_close = on_close
        self.card_hidden = False
        self._waited = 0.0  # seconds toward the next step while playing
        self._bar: pygame.Rect | None = None  # the timeline on screen, for clicks
        self._band: pygame.Rect | None = None  # the band, as the last build laid it out

    # --- opening and moving ---------------------------------------------------------------

    @classmethod
    def open(
        cls, ctx: AppContext, view: ReplayView, on_close: Callable[[], None] | None = None
    ) -> ReplayViewer:
        """Show ``view``'s day at its step with the viewer over it."""
        viewer = cls(ctx, view, on_close)
        ctx.stack.replace(viewer.screen_for_step())
        ctx.stack.push(viewer)
        return viewer

    def screen_for_step(self) -> Scene:
        """The game's own screen for the day at the current step: the phase scene, or the
        debrief once the day is over."""
        from simulator.scenes.debrief import DebriefScene
        from simulator.scenes.phases import scene_for

        session = self.view.session()
        if session.finished:
            return DebriefScene(self.ctx, session)
        return scene_for(self.ctx, session)

    def go(self, step: int) -> None:
        """Stand at ``step`` and show it (a stop at a mistake shows its card again)."""
        if not self.view.go(step):
            return
        self.card_hidden = False
        if self in self.ctx.stack.scenes:
            self.ctx.stack.swap_under(self, self.screen_for_step())

    def step_by(self, count: int) -> None:
        self.view.playing = False
        self.go(self.view.step + count)

    def toggle_play(self) -> None:
        view = self.view
        if not view.playing and view.step in view.alternatives:
            self.show_alternative()  # the demo goes on with the careful crew's way
            return
        if not view.playing and view.step >= view.length:
            self.go(0)  # play again from the start
        view.playing = not view.playing
        self._waited = 0.0
        self.rebuild()

    def next_mistake(self) -> None:
        found = self.view.timeline.next_mistake(self.view.step)
        self.view.playing = False
        if found is not None:
            self.go(found)
        else:
            self.rebuild()

    def previous_mistake(self) -> None:
        found = self.view.timeline.previous_mistake(self.view.step)
        self.view.playing = False
        if found is not None:
            self.go(found)
        else:
            self.rebuild()

    def jump_to_phase(self, index: int) -> None:
        starts = self.view.timeline.phases
        if 0 <= index < len(starts):
            self.view.playing = False
            self.go(starts[index].step)

    def phase_by(self, count: int) -> None:
        starts = [start.step for start in self.view.timeline.phases]
        current = max(i for i, step in enumerate(starts) if step <= self.view.step)
        self.jump_to_phase(max(0, min(len(starts) - 1, current + count)))

    def close_viewer(self) -> None:
        self.view.playing = False
        if self.on_close is not None:
            self.on_close()
            return
        home = self.ctx.stack.home
        if home is not None:
            self.ctx.stack.replace(home())

    # --- time -----------------------------------------------------------------------------

    def update(self, dt: float) -> None:
        """While playing, one step every 1/speed seconds; a mistake stops the play, so that
        its card is read before the day goes on."""
        view = self.view
        if not view.playing:
            return
        self._waited += dt
        if self._waited < 1.0 / view.speed:
            return
        self._waited = 0.0
        self.go(view.step + 1)
        if view.waits_here():
            view.playing = False
            self.rebuild()

    def next_change(self) -> float | None:
        if not self.view.playing:
            return None
        return max(0.0, 1.0 / self.view.speed - self._waited)

    # --- input ----------------------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.MOUSEBUTTONDOWN and self.claims_click(event):
            self.handle_click(event.pos[0])
            return True
        if event.type == pygame.KEYDOWN:
            action = self._key_action(event)
            if action is not None:
                action()
                return True
        return super().handle(event)

    def _key_action(self, event: pygame.event.Event) -> Callable[[], None] | None:
        key = event.key
        simple: dict[int, Callable[[], None]] = {
            pygame.K_RIGHT: lambda: self.step_by(1),
            pygame.K_LEFT: lambda: self.step_by(-1),
            pygame.K_SPACE: self.toggle_play,
            pygame.K_n: self.next_mistake,
            pygame.K_p: self.previous_mistake,
            pygame.K_HOME: lambda: self.step_by(-self.view.step),
            pygame.K_END: lambda: self.step_by(self.view.length - self.view.step),
            pygame.K_PAGEUP: lambda: self.phase_by(-1),
            pygame.K_PAGEDOWN: lambda: self.phase_by(1),
            pygame.K_PLUS: lambda: self.change_speed(1),
            pygame.K_EQUALS: lambda: self.change_speed(1),
            pygame.K_KP_PLUS: lambda: self.change_speed(1),
            pygame.K_MINUS: lambda: self.change_speed(-1),
            pygame.K_KP_MINUS: lambda: self.change_speed(-1),
            pygame.K_c: self.toggle_card,
            pygame.K_a: self.show_alternative,
            pygame.K_ESCAPE: self.close_viewer,
        }
        if key in simple:
            return simple[key]
        if key in PHASE_KEYS:
            index = PHASE_KEYS[key]
            return lambda: self.jump_to_phase(index)
        return None

    def change_speed(self, by: int) -> None:
        self.view.faster(by)
        self.rebuild()

    def toggle_card(self) -> None:
        self.card_hidden = not self.card_hidden
        self.rebuild()

    def claims_click(self, event: pygame.event.Event) -> bool:
        bar = self._bar
        return event.button == 1 and bar is not None and bar.collidepoint(event.pos)

    def handle_click(self, x: int) -> None:
        bar = self._bar
        if bar is None or self.view.length == 0:
            return
        share = (x - bar.left) / max(1, bar.width)
        self.view.playing = False
        self.go(round(share * self.view.length))

    # --- building -------------------------------------------------------------------------

    def band_rect(self) -> pygame.Rect:
        """The band as the last build laid it out (as tall as what it holds)."""
        if self._band is not None:
            return self._band
        w, h = self.ctx.size
        return pygame.Rect(0, h - self.ctx.px(BAND_H), w, self.ctx.px(BAND_H))

    def box(self) -> pygame.Rect:
        return self.band_rect()

    def build(self) -> None:
        """The band's content laid out from the top of the window, then moved down to sit on
        its bottom edge (its height is what the words need at this text size); the card
        beside the screen above it."""
        px = self.ctx.px
        w, h = self.ctx.size
        pad = px(10)
        inner = pygame.Rect(px(12), pad, w - px(24), h)
        y = inner.top
        y += px(4) + layout.words(
            self.ui, self.ctx, inner.left, y, inner.width,
            f"<b>{escape(self.status_text())}</b>", markup=True,
        )
        bar = pygame.Rect(inner.left, y, inner.width, px(BAR_H))
        self.ui.image(bar, self.timeline_picture(bar.size))
        y = self.build_buttons(inner, bar.bottom + px(8)) + pad
        top = h - y
        layout.shift(self.ui.elements, top)
        self._band = pygame.Rect(0, top, w, y)
        self._bar = bar.move(0, top)
        if self.view.card_due() and not self.card_hidden:
            self.build_card(top)
        elif self.notes_markup():
            self.build_caption(top)

    def status_text(self) -> str:
        cat, view = self.ctx.cat, self.view
        day_phases = view.day().world.phases
        phases = len(day_phases)
        phase = view.phase()
        number = day_phases.index(phase) + 1 if phase in day_phases else 1
        if view.step == 0:
            text = cat("viewer.status_start", phases=phases, phase=cat(f"phase.{phase.value}"))
        else:
            text = cat(
                "viewer.status",
                step=view.step,
                total=view.length,
                clock=format_minutes(view.day().world.clock),
                number=number,
                phases=phases,
                phase=cat(f"phase.{phase.value}"),
            )
        # The speed is shown paused too: +/- must show what they changed before Space.
        speed = cat("viewer.speed", speed=f"{view.speed:g}")
        return f"{view.title} · {text} · {speed}"

    def build_buttons(self, inner: pygame.Rect, top: int) -> int:
        """The buttons in a row (as narrow as their words need, shrunk together when the
        window is narrow), the keys without a button under them; returns where they end."""
        cat, px = self.ctx.cat, self.ctx.px
        view = self.view
        buttons: list[tuple[str, Callable[[], None], str | None]] = [
            (cat("viewer.previous_mistake"), self.previous_mistake, None),
            (cat("viewer.back"), lambda: self.step_by(-1), None),
            (cat("viewer.pause" if view.playing else "viewer.play"), self.toggle_play, "@strong"),
            (cat("viewer.forward"), lambda: self.step_by(1), None),
            (cat("viewer.next_mistake"), self.next_mistake, None),
            (cat("viewer.close"), self.close_viewer, None),
        ]
        gap = px(8)
        height = self.ctx.row_h(38)
        widths = [layout.button_width(self.ctx, text, style=style) for text, _, style in buttons]
        scale = min(1.0, (inner.width - gap * (len(buttons) - 1)) / max(1, sum(widths)))
        x = inner.left
        tallest = 0
        for (text, press, style), width in zip(buttons, widths, strict=True):
            shown = max(px(60), int(width * scale))
            button = layout.button(
                self.ui, self.ctx, pygame.Rect(x, top, shown, height), text, press, style=style
            )
            tallest = max(tallest, button.rect.height)
            x += shown + gap
        keys_top = top + tallest + px(4)
        if self.ctx.settings.projector:
            # Shown to a class, the band keeps to what the class reads: the trainer has the
            # buttons, and the keys are in README and on every laptop's screen.
            return top + tallest
        height = layout.words(
            self.ui, self.ctx, inner.left, keys_top, inner.width, cat("viewer.keys"),
            style="@note",
        )
        return keys_top + height

    def build_card(self, bottom: int) -> None:
        px = self.ctx.px
        w = self.ctx.size[0]
        width = min(px(CARD_W), w // 2)
        top = px(70)
        words = self.ctx.cat("viewer.alternative")
        button_h = layout.button_height(
            self.ctx, words, width, style="@strong", least=self.ctx.row_h(38)
        )
        left = w - width - px(12)
        text_h = max(px(120), bottom - top - px(12) - button_h)
        self.ui.text(pygame.Rect(left, top, width, text_h), self.card_markup())  # a card itself
        layout.button(
            self.ui,
            self.ctx,
            pygame.Rect(left, top + text_h + px(4), width, button_h),
            words,
            self.show_alternative,
            style="@strong",
        )

    def show_alternative(self) -> None:
        """The careful crew's way played from just before this mistake, in a viewer of its
        own; closing it comes back here."""
        from simulator.app.viewing import alternative_view

        if not self.view.mistakes_here():
            return
        cat = self.ctx.cat
        alternative = alternative_view(
            self.view, cat("viewer.alternative_note"), cat("viewer.alternative_title")
        )
        if alternative is None:
            return
        self.view.playing = False
        alternative.playing = True
        view, on_close = self.view, self.on_close
        ReplayViewer.open(
            self.ctx, alternative, on_close=lambda: ReplayViewer.open(self.ctx, view, on_close)
        )

    def notes_markup(self) -> str:
        """The captions and questions (a demo's) or the trainer's notes (a recording's) at this
        step, one to a line."""
        cat = self.ctx.cat
        demo = self.view.reveals is not None  # a demo speaks; a recording has a trainer's notes
        notes = self.view.timeline.notes_at(self.view.step)
        lines = [note if demo else cat("viewer.note", text=note) for note in notes]
        return "<br>".join(f"<b>{escape(line)}</b>" for line in lines)

    def build_caption(self, bottom: int) -> None:
        """The captions beside the screen, where the card stands at a mistake: the band keeps
        to its timeline and buttons, so that it covers as little of the screen as it can."""
        px = self.ctx.px
        w = self.ctx.size[0]
        width = min(px(CARD_W), w // 2)
        top = px(70)
        box = self.ui.text(pygame.Rect(w - width - px(12), top, width, -1), self.notes_markup())
        room = max(px(120), bottom - top - px(6))
        if box.rect.height > room:
            box.set_dimensions((width, room))

    def card_markup(self) -> str:
        cat, view = self.ctx.cat, self.view
        mistakes = view.mistakes_here()
        world = view.day().world
        logged = view.timeline.action(view.step)
        clock = format_minutes(logged.at if logged is not None else world.clock)
        lines = [f"<b>{escape(cat('viewer.card.title', step=view.step, clock=clock))}</b>"]
        notes = self.notes_markup()
        if notes:
            lines = [notes, "", *lines]
        # The day just before this step's action: the actions are named as they stood then.
        before = view.timeline.state(max(0, view.step - 1)).world
        if logged is None:
            lines.append(escape(cat("viewer.card.start")))
        else:
            done = action_label(logged.action, before, cat)
            lines.append(escape(cat("viewer.card.done", action=done)))
        # What a careful crew does from here comes first, beside what was done: the contrast
        # is what a class is asked to see; the rule's reasons follow.
        lines.append(f"<b>{escape(cat('viewer.card.careful'))}</b>")
        alternative = view.careful_alternative()
        if alternative:
            lines += [
                f"{number}. {escape(action_label(action, before, cat))}"
                for number, action in enumerate(alternative, start=1)
            ]
        else:
            lines.append(escape(cat("viewer.card.careful_none")))
        for mistake in mistakes[:MISTAKES_ON_CARD]:
            lines += ["", *self.finding_lines(mistake.finding)]
        if len(mistakes) > MISTAKES_ON_CARD:
            extra = len(mistakes) - MISTAKES_ON_CARD
            lines += ["", escape(cat("viewer.card.more", count=extra))]
        return "<br>".join(lines)

    def finding_lines(self, finding: Finding) -> list[str]:
        cat = self.ctx.cat
        text = finding_text(finding, cat, self.view.day().world)
        lines = [f"<b>{escape(text.severity)} · {escape(text.title)}</b>"]
        if text.case:
            lines.append(escape(cat("viewer.card.case", text=text.case)))
        if text.right:
            lines.append(escape(cat("viewer.card.right", text=text.right)))
        lines.append(escape(text.explanation))
        lines.append(escape(cat("viewer.card.consequence", text=text.consequence)))
        lines.append(escape(cat("viewer.card.basis", text=text.regulation)))
        return lines

    def draw_over(self, surface: pygame.Surface) -> None:
        """A demo's highlight: a thick ring (gold in a dark edge, seen on any background)
        round each control the demo points at on the screen below."""
        wanted = self.view.highlights.get(self.view.step, ())
        if not wanted or self.ctx.stack.scenes[0] is self:
            return
        offers = self.ctx.stack.scenes[0].ui.offers
        width = max(4, self.ctx.px(6))
        for action in wanted:
            element = offers.get(offer_key(action))
            if element is None or not element.alive() or not element.visible:
                continue
            if element.rect.colliderect(self.band_rect()):
                continue  # under the band: a ring on the band would point at the wrong thing
            ring = element.rect.inflate(2 * width, 2 * width)
            pygame.draw.rect(surface, palette.INK, ring.inflate(4, 4), width + 4, border_radius=8)
            pygame.draw.rect(surface, palette.ACCENT, ring, width, border_radius=8)

    def highlighted(self) -> list[pygame.Rect]:
        """Where the current step's highlights stand on screen (for tests and shots)."""
        offers = self.ctx.stack.scenes[0].ui.offers
        found = [offers.get(offer_key(a)) for a in self.view.highlights.get(self.view.step, ())]
        band = self.band_rect()
        return [
            element.rect
            for element in found
            if element is not None and element.visible and not element.rect.colliderect(band)
        ]

    # --- the timeline ---------------------------------------------------------------------

    def timeline_picture(self, size: tuple[int, int]) -> pygame.Surface:
        """The whole day left to right: the phases as alternating bands with their
        boundaries, a marker per step with mistakes (a triangle for critical, a square for
        major, a circle for minor, so the severity never rests on colour alone) and the
        cursor where the viewer stands."""
        width, height = size
        surface = pygame.Surface(size, pygame.SRCALPHA)
        timeline = self.view.timeline
        total = max(1, timeline.length)

        def x_of(step: int) -> int:
            return round(step / total * (width - 1))

        starts = [start.step for start in timeline.phases] + [timeline.length]
        for index in range(len(timeline.phases)):
            left, right = x_of(starts[index]), x_of(starts[index + 1])
            shade = palette.PANEL if index % 2 == 0 else palette.WALL
            pygame.draw.rect(surface, shade, (left, 0, max(1, right - left), height))
            pygame.draw.line(surface, palette.PANEL_LINE, (left, 0), (left, height), 2)
        pygame.draw.rect(surface, palette.PANEL_LINE, surface.get_rect(), 1)
        mark = max(4, height // 4)
        middle = height // 2
        by_step: dict[int, list[Finding]] = {}
        for mistake in timeline.mistakes:
            by_step.setdefault(mistake.step, []).append(mistake.finding)
        for step, findings in by_step.items():
            severity = severest(findings)
            if severity is not None:
                draw_marker(surface, severity, (x_of(step), middle), mark)
        cursor = x_of(self.view.step)
        pygame.draw.rect(surface, palette.INK, (cursor - 2, 0, 4, height))
        return surface


def draw_marker(
    surface: pygame.Surface, severity: Severity, centre: tuple[int, int], size: int
) -> None:
    """A mistake's marker: its shape says its severity, its colour repeats it."""
    x, y = centre
    colour = SEVERITY_COLOURS[severity]
    if severity is Severity.KRITIS:
        points = [(x, y - size), (x + size, y + size), (x - size, y + size)]
        pygame.draw.polygon(surface, colour, points)
        pygame.draw.polygon(surface, palette.INK, points, 1)
    elif severity is Severity.BERAT:
        square = pygame.Rect(x - size + 1, y - size + 1, 2 * size - 2, 2 * size - 2)
        pygame.draw.rect(surface, colour, square)
        pygame.draw.rect(surface, palette.INK, square, 1)
    else:
        pygame.draw.circle(surface, colour, centre, size - 1)
        pygame.draw.circle(surface, palette.INK, centre, size - 1, 1)
