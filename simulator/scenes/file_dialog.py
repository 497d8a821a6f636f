"""pygame_gui's own file dialog as a screen of the game: a folder to export to (a USB stick),
or a recording to open. Its result is the path picked, or None.

The dialog is pygame_gui's (its list, its path box, its buttons, in the game's language);
the game adds its focus model: Tab goes from the path box to OK and Cancel, Enter in the
path box takes the path typed there, Esc cancels.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pygame
import pygame_gui
from pygame_gui.windows import UIFileDialog

from simulator.app.context import AppContext
from simulator.app.scene import Scene

LANGUAGES = {"id": "id", "en": "en"}  # the game's languages as pygame_gui names them


def ask_for_path(
    ctx: AppContext, title: str, *, folder: bool, then: Callable[[Path | None], None]
) -> None:
    """Open the file dialog at the folder last chosen; ``then`` gets the path picked (a folder
    when ``folder``, else an existing file), or None."""

    def chosen(path: Path | None) -> None:
        if path is not None:
            ctx.last_folder = path if path.is_dir() else path.parent
        then(path)

    ctx.stack.push(
        FileDialogScene(ctx, title, folder=folder, start=ctx.last_folder), on_result=chosen
    )


class _FileDialog(UIFileDialog):
    """pygame_gui's file dialog, which also survives a typed path it cannot list for another
    reason than a missing or forbidden folder (pygame_gui handles those two): a path running
    through a file ("flashdisk/catatan.txt/rekaman") raised NotADirectoryError out of the
    dialog and ended the program. It goes back to the last folder it could list, as
    pygame_gui does for the two it handles."""

    def update_current_file_list(self, should_try_again: bool = True) -> None:
        try:
            super().update_current_file_list(should_try_again)
        except OSError:
            if should_try_again:
                self.current_directory_path = self.last_valid_directory_path
                self.update_current_file_list(should_try_again=False)
            else:
                self.current_file_list = []


class FileDialogScene(Scene):
    overlay = True

    def __init__(self, ctx: AppContext, title: str, *, folder: bool, start: Path) -> None:
        super().__init__(ctx)
        self.title = title
        self.folder = folder  # pick a folder (export) rather than an existing file (open)
        self.start = start
        self.dialog: UIFileDialog | None = None

    def box(self) -> pygame.Rect:
        w, h = self.ctx.size
        return pygame.Rect(w // 8, h // 10, w * 3 // 4, h * 8 // 10)

    def build(self) -> None:
        manager = self.ctx.manager
        manager.set_locale(LANGUAGES.get(self.ctx.settings.lang, "en"))
        start = self.dialog.current_directory_path if self.dialog is not None else self.start
        dialog = _FileDialog(
            self.box(),
            manager,
            window_title=self.title,
            initial_file_path=str(start),
            allow_existing_files_only=not self.folder,
            allow_picking_directories=self.folder,
        )
        self.dialog = dialog
        self.ui.elements.append(dialog)
        entry = dialog.file_path_text_line
        for element in (entry, dialog.ok_button, dialog.cancel_button):
            self.ui.focusable.append(element)
        self.ui.callbacks[dialog.ok_button] = self.take_current
        self.ui.callbacks[dialog.cancel_button] = lambda: self.finish(None)
        self.ui.entry_submit[entry] = self.take_typed
        self.ui.set_focus(entry)

    def take_current(self) -> None:
        dialog = self.dialog
        if dialog is not None and dialog.current_file_path is not None:
            self.take(Path(dialog.current_file_path))

    def take_typed(self, text: str) -> None:
        self.take(Path(text.strip()).expanduser())

    def take(self, path: Path) -> None:
        """The path, if it is what is asked for (a folder, or a file); else stay open."""
        if (path.is_dir() if self.folder else path.is_file()):
            self.finish(path)

    def finish(self, path: Path | None) -> None:
        self.ctx.manager.set_locale("en")  # pygame_gui's own words elsewhere stay as they were
        self.close(path)

    def update(self, dt: float) -> None:
        if self.dialog is not None and not self.dialog.alive() and self in self.ctx.stack.scenes:
            self.finish(None)  # closed by its own Cancel or its window's ×

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame_gui.UI_FILE_DIALOG_PATH_PICKED and event.ui_element is self.dialog:
            self.take(Path(event.text))
            return True
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.finish(None)
            return True
        return super().handle(event)

    def next_change(self) -> float | None:
        return 0.0 if self.dialog is not None and not self.dialog.alive() else None
