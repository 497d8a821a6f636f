[# pynsist's own installer script, with two changes:
   - it speaks Indonesian, or English on a Windows set to English (NSIS picks the language of
     the laptop's interface among these two; Indonesian when it is neither);
   - an update installed over an older version replaces the packages folder whole, so that no
     module of the old version stays behind (pynsist copies over what is there, and keeps a
     file it thinks newer). The saves live elsewhere, in %LOCALAPPDATA%\simulasi-tps, and are
     not touched. #]
[% extends "pyapp_msvcrt.nsi" %]

[% block modernui %]
; Modern UI installer stuff (as pynsist's, with the languages below)
!include "MUI2.nsh"
!define MUI_ABORTWARNING
!define MUI_ICON "[[icon]]"
!define MUI_UNICON "[[icon]]"

; UI pages
[[ self.ui_pages() ]]
; the first language is the one used when the laptop's is neither
!insertmacro MUI_LANGUAGE "Indonesian"
!insertmacro MUI_LANGUAGE "English"
[% endblock modernui %]

[% block install_pkgs %]
    RMDir /r "$INSTDIR\pkgs"
    [[ super() ]]
[% endblock install_pkgs %]
