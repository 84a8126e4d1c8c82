; Polku's Windows installer (NSIS). scripts/package.sh defines VERSION, POLKU_EXE (a Windows
; build of polku.exe), ICON and OUTFILE. Installs for the current user (no administrator
; rights needed), adds a Start menu entry, offers Polku in "Open with" for .ron maps and .png
; images without taking them over, and uninstalls without leaving anything behind.
Unicode true
!include "MUI2.nsh"

Name "Polku ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\Polku"
RequestExecutionLevel user
SetCompressor /SOLID lzma

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "Finnish"

!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Polku"

Section "Polku"
  SetOutPath "$INSTDIR"
  File "/oname=polku.exe" "${POLKU_EXE}"
  File "/oname=polku.ico" "${ICON}"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortCut "$SMPROGRAMS\Polku.lnk" "$INSTDIR\polku.exe" "" "$INSTDIR\polku.ico"
  ; "Open with" only: Polku is offered for .ron and .png, and becomes no file's default.
  WriteRegStr HKCU "Software\Classes\Polku.Map" "" "Polku customer journey map"
  WriteRegStr HKCU "Software\Classes\Polku.Map\DefaultIcon" "" "$INSTDIR\polku.ico"
  WriteRegStr HKCU "Software\Classes\Polku.Map\shell\open\command" "" '"$INSTDIR\polku.exe" "%1"'
  WriteRegStr HKCU "Software\Classes\.ron\OpenWithProgids" "Polku.Map" ""
  WriteRegStr HKCU "Software\Classes\.png\OpenWithProgids" "Polku.Map" ""
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "Polku"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\polku.ico"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  Delete "$INSTDIR\polku.exe"
  Delete "$INSTDIR\polku.ico"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\Polku.lnk"
  DeleteRegValue HKCU "Software\Classes\.ron\OpenWithProgids" "Polku.Map"
  DeleteRegValue HKCU "Software\Classes\.png\OpenWithProgids" "Polku.Map"
  DeleteRegKey HKCU "Software\Classes\Polku.Map"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
SectionEnd
