@echo off
rem Installs drafter offline from the wheels beside this file into a virtual environment in
rem the user's folder, then makes a desktop shortcut that opens the TUI. Run again to update:
rem the environment is made anew, the data (AppData\Local\drafter) and the reports
rem (Documents\drafter) are not touched.
setlocal
chcp 65001 >nul

set "HERE=%~dp0"
set "HOME_DIR=%LOCALAPPDATA%\drafter"
set "VENV=%HOME_DIR%\venv"

rem The newest supported Python: the py launcher first, then python on PATH.
set "PY="
for %%V in (3.13 3.12 3.11) do (
    if not defined PY (
        py -%%V -c "import sys" >nul 2>&1 && set "PY=py -%%V"
    )
)
if not defined PY (
    python -c "import sys; sys.exit(0 if (3, 11) <= sys.version_info[:2] <= (3, 13) else 1)" >nul 2>&1 && set "PY=python"
)
if not defined PY (
    echo Chưa có Python 3.11, 3.12 hoặc 3.13 trên máy.
    echo Hãy cài Python theo HUONG-DAN.txt rồi chạy lại tệp cai-dat.bat.
    pause
    exit /b 1
)

echo Đang cài drafter vào %VENV% ...
if exist "%VENV%" rmdir /s /q "%VENV%"
%PY% -m venv "%VENV%" || goto failed
"%VENV%\Scripts\python.exe" -m pip install --quiet --no-index --find-links "%HERE%wheels" drafter-cchc || goto failed

rem What the shortcut starts: the TUI, and when it ends with an error the window stays open
rem so that its one line can be read.
> "%HOME_DIR%\drafter.bat" (
    echo @echo off
    echo "%VENV%\Scripts\drafter.exe" %%*
    echo if errorlevel 1 pause
)

rem The desktop shortcut: the TUI in a console window, started in the Documents folder.
powershell -NoProfile -ExecutionPolicy Bypass -Command ^
  "$s = (New-Object -ComObject WScript.Shell).CreateShortcut([Environment]::GetFolderPath('Desktop') + '\drafter.lnk');" ^
  "$s.TargetPath = '%HOME_DIR%\drafter.bat';" ^
  "$s.WorkingDirectory = [Environment]::GetFolderPath('MyDocuments');" ^
  "$s.Description = 'drafter';" ^
  "$s.Save()" || goto failed

echo.
echo Đã cài xong. Nhấp đúp biểu tượng "drafter" trên màn hình để soạn báo cáo.
pause
exit /b 0

:failed
echo.
echo Chưa cài được drafter. Hãy chụp màn hình này gửi cho người hỗ trợ.
pause
exit /b 1
