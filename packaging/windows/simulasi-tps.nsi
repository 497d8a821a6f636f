[# pynsist's own installer script, with one change: an update installed over an older version
   replaces the packages folder whole, so that no module of the old version stays behind
   (pynsist copies over what is there, and keeps a file it thinks newer). The saves live
   elsewhere, in %LOCALAPPDATA%\simulasi-tps, and are not touched. #]
[% extends "pyapp_msvcrt.nsi" %]

[% block install_pkgs %]
    RMDir /r "$INSTDIR\pkgs"
    [[ super() ]]
[% endblock install_pkgs %]
