"""python-i18n's YAML loader, as the packaged programs carry it: it reads nothing.

python-i18n (through which pygame_gui reads its widget texts, all JSON) ships a loader that
reads a ``.yaml`` file with PyYAML's FullLoader. This program reads YAML only with the safe
loader, so the builds (``simulasi-tps.spec``, ``packaging/windows/build.py``) put this module
in its place: the name python-i18n imports at start-up is there, and any file it is asked to
read is refused. The game also unregisters it (``simulator.app.gui_fixes``).
"""

from .loader import I18nFileLoadError, Loader


class YamlLoader(Loader):
    """Refuses every file: no YAML is read through python-i18n."""

    def load_file(self, filename):
        raise I18nFileLoadError(f"{filename}: this program reads no YAML through python-i18n")

    def parse_file(self, file_content):
        raise I18nFileLoadError("this program reads no YAML through python-i18n")
