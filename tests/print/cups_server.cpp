// SPDX-License-Identifier: Apache-2.0
#include "print/cups_server.h"

#include <sys/stat.h>

#include <csignal>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <sstream>
#include <thread>

#include "support/run_process.h"
#include "support/temp_dir.h"

namespace hall::test {
namespace {

// Accepts PDF (through pdftopdf) onto paper 80 mm wide of any length up to 1 m, no margins.
const char* const receipt_ppd = R"PPD(*PPD-Adobe: "4.3"
*FormatVersion: "4.3"
*FileVersion: "1.0"
*LanguageVersion: English
*LanguageEncoding: ISOLatin1
*PCFileName: "HALLRCPT.PPD"
*Manufacturer: "hallkiosk"
*Product: "(hallkiosk test receipt printer)"
*ModelName: "hallkiosk test receipt printer"
*ShortNickName: "hallkiosk receipt"
*NickName: "hallkiosk test receipt printer"
*PSVersion: "(3010.000) 0"
*LanguageLevel: "3"
*ColorDevice: False
*DefaultColorSpace: Gray
*FileSystem: False
*Throughput: "1"
*LandscapeOrientation: Plus90
*TTRasterizer: Type42
*cupsFilter2: "application/vnd.cups-pdf application/pdf 0 -"
*OpenUI *PageSize/Media Size: PickOne
*OrderDependency: 10 AnySetup *PageSize
*DefaultPageSize: 80x200mm
*PageSize 80x200mm/80 x 200 mm: "<</PageSize[227 567]>>setpagedevice"
*PageSize 58x200mm/58 x 200 mm: "<</PageSize[164 567]>>setpagedevice"
*PageSize A4/A4: "<</PageSize[595 842]>>setpagedevice"
*CloseUI: *PageSize
*OpenUI *PageRegion: PickOne
*OrderDependency: 10 AnySetup *PageRegion
*DefaultPageRegion: 80x200mm
*PageRegion 80x200mm/80 x 200 mm: "<</PageSize[227 567]>>setpagedevice"
*PageRegion 58x200mm/58 x 200 mm: "<</PageSize[164 567]>>setpagedevice"
*PageRegion A4/A4: "<</PageSize[595 842]>>setpagedevice"
*CloseUI: *PageRegion
*DefaultImageableArea: 80x200mm
*ImageableArea 80x200mm/80 x 200 mm: "0 0 227 567"
*ImageableArea 58x200mm/58 x 200 mm: "0 0 164 567"
*ImageableArea A4/A4: "0 0 595 842"
*DefaultPaperDimension: 80x200mm
*PaperDimension 80x200mm/80 x 200 mm: "227 567"
*PaperDimension 58x200mm/58 x 200 mm: "164 567"
*PaperDimension A4/A4: "595 842"
*HWMargins: 0 0 0 0
*VariablePaperSize: True
*MaxMediaWidth: "596"
*MaxMediaHeight: "2835"
*NonUIOrderDependency: 100 AnySetup *CustomPageSize True
*CustomPageSize True: "pop pop pop <</PageSize[5 -2 roll]/ImagingBBox null>>setpagedevice"
*ParamCustomPageSize Width: 1 points 72 596
*ParamCustomPageSize Height: 2 points 72 2835
*ParamCustomPageSize WidthOffset: 3 points 0 0
*ParamCustomPageSize HeightOffset: 4 points 0 0
*ParamCustomPageSize Orientation: 5 int 0 0
*DefaultFont: Courier
*Font Courier: Standard "(002.004S)" Standard ROM
)PPD";

void make_dir(const std::string& path) {
  std::filesystem::create_directories(path);
}

}  // namespace

CupsServer::CupsServer(const std::string& dir) : dir_(dir), port_(free_port()) {
  for (const char* sub : {"/root", "/root/ppd", "/spool", "/spool/tmp", "/cache", "/state", "/log", "/out"}) {
    make_dir(dir_ + sub);
  }
  // Filters run as user lp: they must reach the spool through the (mkdtemp, 0700) test folder.
  chmod(dir_.c_str(), 0755);
  chmod((dir_ + "/spool").c_str(), 0755);
  chmod((dir_ + "/spool/tmp").c_str(), 01777);
  chmod((dir_ + "/out").c_str(), 0777);
  write_file(dir_ + "/cupsd.conf",
             "Listen 127.0.0.1:" + std::to_string(port_) +
                 "\nBrowsing No\nWebInterface No\nDefaultAuthType None\nLogLevel warn\n"
                 "MaxJobs 0\nPreserveJobHistory Yes\nDirtyCleanInterval 0\n"
                 "<Location />\n  Order allow,deny\n  Allow localhost\n</Location>\n"
                 "<Policy default>\n  <Limit All>\n    Order deny,allow\n  </Limit>\n</Policy>\n");
  write_file(dir_ + "/cups-files.conf", "ServerRoot " + dir_ + "/root\nRequestRoot " + dir_ + "/spool\nTempDir " +
                                            dir_ + "/spool/tmp\nCacheDir " + dir_ + "/cache\nStateDir " + dir_ +
                                            "/state\nAccessLog " + dir_ + "/log/access_log\nErrorLog " + dir_ +
                                            "/log/error_log\nPageLog " + dir_ + "/log/page_log\nPrintcap " + dir_ +
                                            "/state/printcap\nFileDevice Yes\nSystemGroup root\n");
  write_file(dir_ + "/receipt.ppd", receipt_ppd);
}

CupsServer::~CupsServer() {
  stop();
}

void CupsServer::start() {
  REQUIRE_FALSE(running());
  process_ = std::make_unique<ChildProcess>(
      std::vector<std::string>{"/usr/sbin/cupsd", "-f", "-c", dir_ + "/cupsd.conf", "-s", dir_ + "/cups-files.conf"},
      dir_ + "/log/cupsd.stderr");
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  ProcessResult r;
  while (std::chrono::steady_clock::now() < until) {
    r = run_process({"/usr/bin/lpstat", "-h", server(), "-r"});
    if (r.out.find("scheduler is running") != std::string::npos && r.out.find("not") == std::string::npos) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  FAIL("cupsd on " << server() << " did not start: lpstat -r: " << r.out << r.err << "\n"
                   << read_file(dir_ + "/log/cupsd.stderr") << read_file(dir_ + "/log/error_log"));
}

void CupsServer::stop() {
  if (process_) process_->stop(std::chrono::seconds(5), SIGTERM);
  process_.reset();
}

void CupsServer::kill() {
  if (process_) process_->stop(std::chrono::seconds(5), SIGKILL);
  process_.reset();
}

void CupsServer::add_file_queue(const std::string& name, const std::string& output_file) {
  write_file(output_file, "");
  chmod(output_file.c_str(), 0666);
  admin({"lpadmin", "-p", name, "-E", "-v", "file://" + output_file, "-P", dir_ + "/receipt.ppd"});
}

void CupsServer::admin(const std::vector<std::string>& argv) {
  // run_process takes no PATH: the CUPS admin tools live in /usr/sbin, lpstat/lp in /usr/bin.
  const std::string tool =
      std::filesystem::exists("/usr/sbin/" + argv.front()) ? "/usr/sbin/" + argv.front() : "/usr/bin/" + argv.front();
  std::vector<std::string> full{tool, "-h", server()};
  full.insert(full.end(), argv.begin() + 1, argv.end());
  const auto r = run_process(full);
  INFO(argv.front() << ": " << r.err);
  REQUIRE(r.exit_code == 0);
}

int CupsServer::completed_jobs(const std::string& queue) {
  const auto r = run_process({"/usr/bin/lpstat", "-h", server(), "-W", "completed", "-o", queue});
  std::istringstream lines(r.out);
  int n = 0;
  for (std::string line; std::getline(lines, line);) n += line.starts_with(queue + "-") ? 1 : 0;
  return n;
}

}  // namespace hall::test
