; Inno Setup 6 script of KeHoach Desktop: a per-user install that needs no
; administrator rights, Start menu and (optional) desktop shortcuts, upgrade in
; place, and an uninstaller that keeps the clerk's data unless asked.
; Built by: python packaging/build.py --installer  (which passes the defines)

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef BundleDir
  #define BundleDir "..\dist\KeHoachDesktop"
#endif
#ifndef OutputDir
  #define OutputDir "..\dist"
#endif

[Setup]
; The AppId never changes: a new version installs over the old one.
AppId={{8F3C2B1E-5D4A-4C7B-9E21-3A6F0D9B7C42}
AppName=KeHoach Desktop
AppVersion={#AppVersion}
AppVerName=KeHoach Desktop {#AppVersion}
AppPublisher=KeHoach Desktop
PrivilegesRequired=lowest
DefaultDirName={localappdata}\Programs\KeHoach Desktop
DefaultGroupName=KeHoach Desktop
DisableProgramGroupPage=yes
DisableDirPage=auto
OutputDir={#OutputDir}
OutputBaseFilename=KeHoachDesktop-{#AppVersion}-cai-dat
SetupIconFile=build\kehoach.ico
UninstallDisplayIcon={app}\KeHoachDesktop.exe
UninstallDisplayName=KeHoach Desktop
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; An open program is closed before its files are replaced.
CloseApplications=yes
RestartApplications=no

[Messages]
; Inno Setup ships no Vietnamese translation: the messages a clerk sees are
; given here; the rest keep the default wording.
SetupAppTitle=Cài đặt
SetupWindowTitle=Cài đặt %1
ButtonBack=< &Quay lại
ButtonNext=&Tiếp >
ButtonInstall=&Cài đặt
ButtonOK=Đồng ý
ButtonCancel=Huỷ
ButtonYes=&Có
ButtonNo=&Không
ButtonFinish=&Xong
ButtonBrowse=&Chọn…
WelcomeLabel1=Chào mừng đến với trình cài đặt [name]
WelcomeLabel2=Chương trình sẽ cài [name/ver] cho riêng tài khoản của anh/chị trên máy này, không cần quyền quản trị.%n%nNên đóng các chương trình khác trước khi tiếp tục.
SelectDirLabel3=Chương trình sẽ được cài vào thư mục sau.
SelectDirBrowseLabel=Bấm Tiếp để tiếp tục. Muốn chọn thư mục khác, bấm Chọn.
SelectTasksLabel2=Chọn các việc cần làm thêm khi cài [name], rồi bấm Tiếp.
ReadyLabel1=Đã sẵn sàng cài [name].
ReadyLabel2a=Bấm Cài đặt để bắt đầu, hoặc Quay lại để xem lại.
InstallingLabel=Đang cài [name], xin chờ…
FinishedHeadingLabel=Đã cài xong [name]
FinishedLabel=Đã cài [name] xong. Mở chương trình bằng biểu tượng trong menu Start.
ExitSetupTitle=Thoát cài đặt
ExitSetupMessage=Chưa cài xong. Nếu thoát bây giờ, chương trình sẽ không được cài.%n%nThoát cài đặt?
ConfirmUninstall=Gỡ bỏ %1? (Dữ liệu kế hoạch sẽ được hỏi riêng.)
UninstalledAll=Đã gỡ bỏ %1.

[Tasks]
Name: "desktopicon"; Description: "Tạo biểu tượng trên màn hình nền"; GroupDescription: "Biểu tượng:"

[InstallDelete]
; Upgrade in place: the previous version's libraries go before the new ones come.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\KeHoach Desktop"; Filename: "{app}\KeHoachDesktop.exe"
Name: "{autodesktop}\KeHoach Desktop"; Filename: "{app}\KeHoachDesktop.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\KeHoachDesktop.exe"; Description: "Mở KeHoach Desktop"; Flags: nowait postinstall skipifsilent

[Code]
{ The clerk's data (plans, the register, backups) lives apart from the
  program, in %LOCALAPPDATA%\KeHoachDesktop (kehoach_desktop/paths.py); it is
  kept unless the clerk asks for it to go. }
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if CurUninstallStep = usPostUninstall then
  begin
    DataDir := ExpandConstant('{localappdata}\KeHoachDesktop');
    if DirExists(DataDir) and not UninstallSilent then
      if MsgBox('Xoá luôn dữ liệu của chương trình (các kế hoạch, sổ văn bản đi, bản sao lưu) trong thư mục' + #13#10 +
                DataDir + '?' + #13#10#13#10 +
                'Chọn "Không" để giữ lại: cài lại chương trình sau này vẫn dùng được dữ liệu cũ.',
                mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES then
        DelTree(DataDir, True, True, True);
  end;
end;
