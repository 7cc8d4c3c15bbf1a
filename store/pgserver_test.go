package store

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"

	"github.com/jackc/pgx/v5"
)

// pgServer is a PostgreSQL server from the machine's packages, started in a
// temporary directory for the tests: initdb, then pg_ctl start on a
// 127.0.0.1 port; each test gets a database of its own.
type pgServer struct {
	bin     string // directory of initdb, pg_ctl, postgres
	dir     string // data directory and log
	port    int
	cred    *syscall.Credential // nil when not root
	dbCount atomic.Int64
	reason  string // why there is no server (binaries absent), when bin == ""
}

// findPGBin returns the newest /usr/lib/postgresql/*/bin holding initdb
// ($PG_BIN instead when set), or "".
func findPGBin() string {
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	if d := os.Getenv("PG_BIN"); d != "" {
		dirs = []string{d}
	}
	sort.Slice(dirs, func(i, j int) bool {
		vi, _ := strconv.Atoi(filepath.Base(filepath.Dir(dirs[i])))
		vj, _ := strconv.Atoi(filepath.Base(filepath.Dir(dirs[j])))
		return vi > vj
	})
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "initdb")); err == nil {
			return d
		}
	}
	return ""
}

// startPGServer starts a server; a server with bin == "" (and a reason)
// when the binaries are absent.
func startPGServer() (*pgServer, error) {
	bin := findPGBin()
	if bin == "" {
		return &pgServer{reason: "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin (apt-get install postgresql)"}, nil
	}
	s := &pgServer{bin: bin}
	tmp := "" // os.TempDir()
	if os.Geteuid() == 0 {
		tmp = "/tmp" // a TMPDIR under root's home is closed to the postgres user
	}
	dir, err := os.MkdirTemp(tmp, "agreements-pg-")
	if err != nil {
		return nil, err
	}
	s.dir = dir
	if os.Geteuid() == 0 {
		// PostgreSQL refuses to run as root: run it as the postgres user
		// the package creates, or nobody.
		var u *user.User
		for _, name := range []string{"postgres", "nobody"} {
			if u, err = user.Lookup(name); err == nil {
				break
			}
		}
		if u == nil {
			return nil, fmt.Errorf("running as root and no postgres or nobody user to run PostgreSQL as")
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		s.cred = &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}
		if err := os.Chown(dir, uid, gid); err != nil {
			return nil, err
		}
	}
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	s.port = port
	data := filepath.Join(dir, "data")
	if out, err := s.run("initdb", "-D", data, "-U", "agreements", "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"); err != nil {
		s.remove()
		return nil, fmt.Errorf("initdb: %w\n%s", err, out)
	}
	opts := fmt.Sprintf("-p %d -c listen_addresses=127.0.0.1 -k %s -c fsync=off -c full_page_writes=off -c synchronous_commit=off -c max_connections=50", port, dir)
	if out, err := s.run("pg_ctl", "-D", data, "-l", filepath.Join(dir, "log"), "-o", opts, "-w", "-t", "120", "start"); err != nil {
		log, _ := os.ReadFile(filepath.Join(dir, "log"))
		s.remove()
		return nil, fmt.Errorf("pg_ctl start: %w\n%s\n%s", err, out, log)
	}
	return s, nil
}

func (s *pgServer) run(name string, args ...string) ([]byte, error) {
	cmd := exec.Command(filepath.Join(s.bin, name), args...)
	cmd.Dir = s.dir
	cmd.Env = append(os.Environ(), "LC_ALL=C")
	if s.cred != nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: s.cred}
	}
	return cmd.CombinedOutput()
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func (s *pgServer) dsn(db string) string {
	return fmt.Sprintf("postgres://agreements@127.0.0.1:%d/%s?sslmode=disable", s.port, db)
}

// newDatabase creates an empty database and returns its DSN.
func (s *pgServer) newDatabase(ctx context.Context) (string, error) {
	name := fmt.Sprintf("t%d", s.dbCount.Add(1))
	conn, err := pgx.Connect(ctx, s.dsn("postgres"))
	if err != nil {
		return "", err
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		return "", err
	}
	return s.dsn(name), nil
}

// stop stops the server and removes its directory.
func (s *pgServer) stop() error {
	if s == nil || s.bin == "" {
		return nil
	}
	out, err := s.run("pg_ctl", "-D", filepath.Join(s.dir, "data"), "-m", "fast", "-w", "stop")
	s.remove()
	if err != nil {
		return fmt.Errorf("pg_ctl stop: %w\n%s", err, out)
	}
	return nil
}

func (s *pgServer) remove() { _ = os.RemoveAll(s.dir) }

// errNoPG explains a missing server.
var errNoPG = errors.New("no PostgreSQL server")

// pgUnavailable says whether the PostgreSQL tests must be skipped (only
// outside CI, only when the binaries are absent).
func pgUnavailable(s *pgServer) (skip bool, err error) {
	if s != nil && s.bin != "" {
		return false, nil
	}
	reason := "server failed to start"
	if s != nil {
		reason = s.reason
	}
	if os.Getenv("CI") != "" {
		return false, fmt.Errorf("%w: %s (CI is set: the PostgreSQL tests must run)", errNoPG, reason)
	}
	return true, fmt.Errorf("%w: %s", errNoPG, strings.TrimSpace(reason))
}
