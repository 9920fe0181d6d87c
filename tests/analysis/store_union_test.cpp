// Several stores searched as one: store directories, a Xapian stub file, and
// shards served by xapian-tcpsrv on 127.0.0.1 (started and stopped here).
#include <doctest/doctest.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include "analysis/batch_ingest.h"
#include "analysis/document_builder.h"
#include "analysis/model_tags.h"
#include "analysis/query_parser.h"
#include "analysis/schema.h"
#include "analysis/search.h"
#include "analysis/store.h"
#include "analysis/tagger.h"
#include "ingest/response.h"
#include "tests/test_support.h"

using namespace yousaid;
using yousaid::testing::TempDir;

namespace {

const char* kCodebook =
    "codebook: test\nversion: 1\n\n"
    "theme transport\n  title: Transport\n  rule: bus OR taxi\n\n"
    "theme information-sharing\n  title: Information sharing\n  rule: \"my story\" OR records\n\n"
    "theme waiting\n  title: Waiting\n  rule: wait*\n";

const char* kNorth =
    "id,event,text\n"
    "N1,North clinic,The bus to the hospital runs twice a week so I pay for a taxi\n"
    "N2,North clinic,I waited three weeks for the GP\n"
    "N3,North clinic,I had to tell my story again and the bus was late\n";

const char* kSouth =
    "id,event,text\n"
    "S1,South clinic,There is no bus on Sundays\n"
    "S2,South clinic,They lost my records and I had to wait\n"
    "S3,South clinic,Lovely staff\n";

const char* kQuery = "bus OR story OR records";

// Two stores, each one file ingested with the same codebook.
struct TwoStores {
    TempDir dir;
    std::string north = dir.path("north");
    std::string south = dir.path("south");

    TwoStores() {
        ingest(north, "north.csv", kNorth);
        ingest(south, "south.csv", kSouth);
    }

    void ingest(const std::string& store, const std::string& name, const char* csv) const {
        Xapian::WritableDatabase db = open_store_for_writing(store);
        CodebookLoad load = compile_codebook(kCodebook, "codebook.txt", db);
        REQUIRE(load.compiled);
        IngestOptions options;
        options.codebook = &*load.compiled;
        REQUIRE(ingest_file(db, dir.write(name, csv), options).landed());
    }
};

struct Found {
    Xapian::doccount total = 0;
    std::set<std::string> ids;
    std::map<std::string, Xapian::doccount> themes;
    bool operator==(const Found&) const = default;
};

// Counted the way Xapian can count over remote shards: a ValueCountMatchSpy
// (built in, so xapian-tcpsrv runs it) over the joined theme lists, which are
// split afterwards.
Found find(const Xapian::Database& db, const std::string& query) {
    Xapian::Enquire enquire(db);
    enquire.set_query(ResponseQueryParser(db).parse(query));
    Xapian::ValueCountMatchSpy themes(schema::kThemesSlot);
    enquire.add_matchspy(&themes);
    Xapian::MSet mset = enquire.get_mset(0, db.get_doccount(), db.get_doccount());
    Found found;
    found.total = mset.get_matches_estimated();
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        found.ids.insert(response_from_json(it.get_document().get_data()).id);
    }
    for (auto value = themes.values_begin(); value != themes.values_end(); ++value) {
        for (const std::string& theme : split_list(*value)) found.themes[theme] += value.get_termfreq();
    }
    return found;
}

Found sum(const Found& a, const Found& b) {
    Found out = a;
    out.total += b.total;
    out.ids.insert(b.ids.begin(), b.ids.end());
    for (const auto& [theme, count] : b.themes) out.themes[theme] += count;
    return out;
}

// What kQuery finds in both stores together, worked out by hand.
void check_finds_both(const Xapian::Database& db, const TwoStores& stores) {
    Found found = find(db, kQuery);
    CHECK(found == sum(find(open_store(stores.north), kQuery), find(open_store(stores.south), kQuery)));
    CHECK(found.total == 4);
    CHECK(found.ids == std::set<std::string>{"north-clinic-N1", "north-clinic-N3", "south-clinic-S1",
                                             "south-clinic-S2"});
    CHECK(found.themes == std::map<std::string, Xapian::doccount>{
                              {"transport", 3}, {"information-sharing", 2}, {"waiting", 1}});
}

// search() counts facets with its own MatchSpy, which works on local stores.
void check_search_finds_both(const Xapian::Database& db) {
    SearchOptions options;
    options.query = kQuery;
    SearchResults results = search(db, options);
    CHECK(results.total == 4);
    CHECK(results.hits.size() == 4);
    CHECK(results.theme_counts == std::map<std::string, Xapian::doccount>{
                                      {"transport", 3}, {"information-sharing", 2}, {"waiting", 1}});
}

// A port on 127.0.0.1 that nothing listens on (the kernel's pick, let go).
unsigned free_port() {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    bool bound = ::bind(fd, reinterpret_cast<sockaddr*>(&address), length) == 0 &&
                 ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0;
    ::close(fd);
    REQUIRE(bound);
    return ntohs(address.sin_port);
}

bool accepts_connections(unsigned port) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(port);
    bool connected = fd >= 0 && ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    if (fd >= 0) ::close(fd);
    return connected;
}

// xapian-tcpsrv serving one store on 127.0.0.1 only, in its own process group,
// which the guard ends (the server and the connections it forked) when it goes.
// The server also gets SIGTERM if the test process dies first.
class TcpServer {
public:
    TcpServer(const std::string& store, const std::string& log) {
        // Another process may take the chosen port first; then the server exits and we try another.
        for (int attempt = 0; attempt < 5; ++attempt) {
            port_ = free_port();
            pid_ = spawn({"xapian-tcpsrv", "--interface", "127.0.0.1", "--port", std::to_string(port_), "--quiet",
                          store},
                         log);
            REQUIRE(pid_ > 0);
            for (int tries = 0; tries < 200; ++tries) {  // at most 10 s
                if (::waitpid(pid_, nullptr, WNOHANG) == pid_) break;
                if (accepts_connections(port_)) return;
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
            }
            stop();
        }
        FAIL("xapian-tcpsrv did not start (Debian package xapian-tools): " << yousaid::testing::read_file(log));
    }
    ~TcpServer() { stop(); }
    TcpServer(const TcpServer&) = delete;
    TcpServer& operator=(const TcpServer&) = delete;

    std::string location() const { return "tcp://127.0.0.1:" + std::to_string(port_); }
    unsigned port() const { return port_; }

private:
    static pid_t spawn(const std::vector<std::string>& command, const std::string& log) {
        std::vector<char*> argv;
        for (const std::string& word : command) argv.push_back(const_cast<char*>(word.c_str()));
        argv.push_back(nullptr);
        int out = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        pid_t parent = ::getpid();
        pid_t pid = ::fork();
        if (pid == 0) {
            ::setpgid(0, 0);
            ::prctl(PR_SET_PDEATHSIG, SIGTERM);
            if (::getppid() != parent) ::_exit(127);
            ::dup2(out, STDOUT_FILENO);
            ::dup2(out, STDERR_FILENO);
            ::execvp(argv[0], argv.data());
            static const char message[] = "cannot run xapian-tcpsrv\n";
            [[maybe_unused]] auto written = ::write(STDERR_FILENO, message, sizeof message - 1);
            ::_exit(127);
        }
        if (pid > 0) ::setpgid(pid, pid);  // also here, so the group exists whichever runs first
        ::close(out);
        return pid;
    }

    void stop() {
        if (pid_ <= 0) return;
        ::kill(-pid_, SIGTERM);
        bool reaped = false;
        for (int tries = 0; tries < 100 && !reaped; ++tries) {  // at most 2 s, then SIGKILL
            reaped = ::waitpid(pid_, nullptr, WNOHANG) == pid_;
            if (!reaped) std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        if (!reaped) {
            ::kill(-pid_, SIGKILL);
            ::waitpid(pid_, nullptr, 0);
        }
        pid_ = -1;
    }

    pid_t pid_ = -1;
    unsigned port_ = 0;
};

}  // namespace

TEST_CASE("store directories given together are searched as one") {
    TwoStores stores;
    Xapian::Database db = open_stores({stores.north, stores.south});
    CHECK(db.get_doccount() == 6);
    check_finds_both(db, stores);
    check_search_finds_both(db);
}

TEST_CASE("a stub file listing stores is searched as one") {
    TwoStores stores;
    // `auto` paths are relative to the stub file, or absolute.
    std::string stub = stores.dir.write("all.stub", "# every clinic\nauto north\nauto " + stores.south + "\n");
    Xapian::Database db = open_stores({stub});
    CHECK(db.get_doccount() == 6);
    check_finds_both(db, stores);
    check_search_finds_both(db);
}

TEST_CASE("stores served by xapian-tcpsrv are searched as one, by tcp:// or from a stub file") {
    TwoStores stores;
    TcpServer north(stores.north, stores.dir.path("north.log"));
    TcpServer south(stores.south, stores.dir.path("south.log"));

    SUBCASE("tcp://HOST:PORT") {
        Xapian::Database db = open_stores({north.location(), south.location()});
        CHECK(db.get_doccount() == 6);
        check_finds_both(db, stores);
    }
    SUBCASE("remote HOST:PORT lines in a stub file") {
        std::string stub = stores.dir.write("remote.stub", "remote 127.0.0.1:" + std::to_string(north.port()) +
                                                               "\nremote 127.0.0.1:" +
                                                               std::to_string(south.port()) + "\n");
        Xapian::Database db = open_stores({stub});
        CHECK(db.get_doccount() == 6);
        check_finds_both(db, stores);
    }
    SUBCASE("a remote shard and a local store") {
        check_finds_both(open_stores({north.location(), stores.south}), stores);
    }
}

namespace {

// Gives a response a theme as a model would (model_tags.h: in value slots only).
void add_model_theme(const std::string& store, const std::string& id, const std::string& theme) {
    Xapian::WritableDatabase db = open_store_for_writing(store);
    const Xapian::docid docid = *db.postlist_begin(id_term(id));
    Xapian::Document doc = db.get_document(docid);
    const Response before = stored_response(doc);
    Response after = before;
    after.themes.push_back({theme, "model", 0.8});
    DocumentBuilder(db).retag(doc, before, after);
    db.replace_document(docid, doc);
    db.commit();
}

}  // namespace

TEST_CASE("a theme a model gave is found in stores searched together, remote ones too") {
    TwoStores stores;
    add_model_theme(stores.north, "north-clinic-N2", "gp-access");
    add_model_theme(stores.south, "south-clinic-S3", "gp-access");
    const std::set<std::string> both = {"north-clinic-N2", "south-clinic-S3"};
    CHECK(find(open_stores({stores.north, stores.south}), "theme:gp-access").ids == both);
    TcpServer north(stores.north, stores.dir.path("north.log"));
    TcpServer south(stores.south, stores.dir.path("south.log"));
    const Found remote = find(open_stores({north.location(), south.location()}), "theme:gp-access");
    CHECK(remote.ids == both);
    CHECK(remote.themes.at("gp-access") == 2);
}

TEST_CASE("a location that cannot be opened is named, with the reason in one line") {
    TempDir dir;
    std::string empty_dir = dir.path("empty");
    std::filesystem::create_directory(empty_dir);
    {
        Xapian::WritableDatabase other(dir.path("other"), Xapian::DB_CREATE);
        other.add_document(Xapian::Document());
    }
    std::string closed = "127.0.0.1:" + std::to_string(free_port());
    std::string remote_stub = dir.write("remote.stub", "remote " + closed + "\n");
    std::string bad_stub = dir.write("notes.txt", "hello world\n");
    std::string missing_stub = dir.write("missing.stub", "auto nowhere\n");

    const std::pair<std::string, std::string> cases[] = {
        {dir.path("nowhere"),
         ": no store here (yousaid ingest creates one; --store or YOUSAID_STORE names another)"},
        {empty_dir, ": not a store (no Xapian database in this directory)"},
        {dir.path("other"), ": not a yousaid store (or one of another version)"},
        {"tcp://" + closed, ": cannot open the store: Couldn't connect (Connection refused)"},
        {remote_stub, ": cannot open the store: Couldn't connect (Connection refused)"},
        {bad_stub, ": cannot open the store: " + bad_stub + ":1: Bad line"},
        {missing_stub, ": cannot open the store: Couldn't stat '" + dir.path("nowhere") +
                           "' (No such file or directory)"},
        {"tcp://127.0.0.1", ": expected tcp://HOST:PORT with a port from 1 to 65535"},
        {"tcp://:8100", ": expected tcp://HOST:PORT with a port from 1 to 65535"},
        {"tcp://127.0.0.1:99999", ": expected tcp://HOST:PORT with a port from 1 to 65535"},
    };
    for (const auto& [location, message] : cases) {
        CAPTURE(location);
        CHECK_THROWS_WITH_AS(open_stores({location}), (location + message).c_str(), StoreError);
    }
    // The first location that fails is the one named.
    TwoStores stores;
    CHECK_THROWS_WITH_AS(open_stores({stores.north, "tcp://" + closed, dir.path("nowhere")}),
                         ("tcp://" + closed + ": cannot open the store: Couldn't connect (Connection refused)").c_str(),
                         StoreError);
}

TEST_CASE("a remote store is not opened for writing") {
    CHECK_THROWS_WITH_AS(open_store_for_writing("tcp://127.0.0.1:8100"),
                         "tcp://127.0.0.1:8100: a remote store is read-only; write to it where it is served from",
                         StoreError);
}

