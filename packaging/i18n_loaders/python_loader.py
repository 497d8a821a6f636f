"""python-i18n's Python loader, as the packaged programs carry it: it runs nothing.

python-i18n's own imports a ``.py`` translation file, running it. pygame_gui's texts are JSON,
so the builds (``simulasi-tps.spec``, ``packaging/windows/build.py``) put this module in its
place: the name python-i18n imports at start-up is there, and any file it is asked to load is
refused. The game also unregisters it (``simulator.app.gui_fixes``).
"""

from .loader import I18nFileLoadError, Loader


class PythonLoader(Loader):
    """Refuses every file: no code is run as translations."""

    def load_file(self, filename):
        raise I18nFileLoadError(f"{filename}: this program runs no file as translations")

    def parse_file(self, file_content):
        raise I18nFileLoadError("this program runs no file as translations")
