#include "pipeline/writers.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/codes.h"
#include "core/syserr.h"
#include "pipeline/digest.h"
#include "pipeline/interrupt.h"

/* The mapping a child reports through. Pages never touched cost nothing,
 * so it can be large enough for any number of diagnostics. */
#define REPORT_BYTES ((size_t)16 * 1024 * 1024)

typedef struct report {
    uint32_t done;            /* set last: the rest is complete */
    uint32_t ok;              /* the document was written, flushed and hashed */
    uint32_t out_of_memory;   /* the child's diagnostics lost some */
    uint64_t pages;
    uint64_t diag_count;
    uint64_t dropped;         /* diagnostics that did not fit */
    uint64_t used;            /* bytes of records after the header */
    char sha256[REL_DIGEST_HEX];
    unsigned char records[];  /* one per diagnostic, see put_diag */
} report;

/* A record: severity, line, col (4 bytes each), then code, file and
 * message as a 2-byte length and the bytes (file length 0xFFFF: none). */
static bool put_bytes(report *r, const void *bytes, size_t len)
{
    if (sizeof *r + r->used + len > REPORT_BYTES)
        return false;
    memcpy(r->records + r->used, bytes, len);
    r->used += len;
    return true;
}

static bool put_u32(report *r, uint32_t value)
{
    return put_bytes(r, &value, sizeof value);
}

static bool put_text(report *r, const char *text)
{
    uint16_t len = text ? (uint16_t)strnlen(text, 0xFFFE) : 0xFFFF;
    return put_bytes(r, &len, sizeof len) && (text == NULL || put_bytes(r, text, len));
}

static void put_diag(report *r, const rel_diag *d)
{
    uint64_t mark = r->used;
    if (put_u32(r, (uint32_t)d->severity) && put_u32(r, d->where.line)
        && put_u32(r, d->where.col) && put_text(r, d->code) && put_text(r, d->where.file)
        && put_text(r, d->message)) {
        r->diag_count++;
        return;
    }
    r->used = mark;
    r->dropped++;
}

/* Why writing `path` failed, when the system can tell: a full disk, a quota,
 * the process's file size limit, memory. `error` is errno at the failure. */
static void explain_failure(int error, const char *path, const char *shown, rel_diags *diags)
{
    struct stat info;
    struct rlimit limit;
    struct statvfs disk;
    rel_origin where = {shown, 0, 0};
    if (error == EFBIG
        || (stat(path, &info) == 0 && getrlimit(RLIMIT_FSIZE, &limit) == 0
            && limit.rlim_cur != RLIM_INFINITY && (rlim_t)info.st_size >= limit.rlim_cur))
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_OUTPUT_WRITE, where,
                     "scrittura non riuscita: il file supera la dimensione massima consentita "
                     "a questo processo (ulimit -f)");
    else if (error == ENOSPC || error == EDQUOT
             || (statvfs(path, &disk) == 0 && disk.f_bavail == 0))
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_OUTPUT_WRITE, where,
                     "scrittura non riuscita: %s", rel_syserr(error == EDQUOT ? EDQUOT : ENOSPC));
    else if (error == EIO || error == EROFS)
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_OUTPUT_WRITE, where,
                     "scrittura non riuscita: %s", rel_syserr(error));
    else if (error == ENOMEM)
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_OUT_OF_MEMORY, where,
                     "memoria esaurita scrivendo il file");
}

static bool has_code(const rel_diags *diags, const char *code)
{
    for (size_t i = 0; i < diags->count; i++)
        if (strcmp(diags->items[i].code, code) == 0)
            return true;
    return false;
}

/* After a failure: the system's reason, unless the writer gave one. */
static void explain(int error, const char *path, const char *shown, rel_diags *diags)
{
    if (!has_code(diags, REL_E_OUTPUT_WRITE) && !has_code(diags, REL_E_OUT_OF_MEMORY))
        explain_failure(error, path, shown, diags);
}

/* Flushes the written file and hashes it; false after adding E202. */
static bool finish_file(const char *path, const char *shown, char *sha256, rel_diags *diags)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd >= 0 && fsync(fd) == 0 && rel_digest_file(path, sha256)) {
        close(fd);
        return true;
    }
    int error = errno;
    if (fd >= 0)
        close(fd);
    explain(error, path, shown, diags);
    if (diags->errors == 0)
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_OUTPUT_WRITE, (rel_origin){shown, 0, 0},
                     "scrittura non riuscita: %s", rel_syserr(error));
    return false;
}

/* The whole life of a writer process. Never returns. */
static void child(const rel_writer *writer, const void *input, const rel_output_file *file,
                  report *r, int lock_fd, pid_t parent, rel_arena *arena)
{
    rel_interrupt_child(parent);
    if (lock_fd >= 0)
        close(lock_fd);   /* a child that outlived its parent must not hold the lock */
    rel_diags diags;
    rel_diags_init(&diags, arena);
    size_t pages = 0;
    errno = 0;
    bool ok = writer->render(input, file->staged_path, file->final_path, &diags, &pages);
    if (!ok) {
        explain(errno, file->staged_path, file->final_path, &diags);
        if (diags.errors == 0)
            rel_diag_add(&diags, REL_SEV_ERROR, REL_E_INTERNAL, (rel_origin){file->final_path, 0, 0},
                         "errore interno: il file non è stato scritto e non si sa perché");
    }
    ok = ok && finish_file(file->staged_path, file->final_path, r->sha256, &diags);
    for (size_t i = 0; i < diags.count; i++)
        put_diag(r, &diags.items[i]);
    r->out_of_memory = diags.out_of_memory || diags.count < diags.errors + diags.warnings;
    r->pages = pages;
    r->ok = ok;
    __atomic_store_n(&r->done, 1, __ATOMIC_RELEASE);
    _exit(0);
}

static bool get_bytes(const report *r, uint64_t *at, void *out, size_t len)
{
    if (*at + len > r->used)
        return false;
    memcpy(out, r->records + *at, len);
    *at += len;
    return true;
}

/* A text of the record at *at, copied into the arena (NULL for "none"). */
static bool get_text(const report *r, uint64_t *at, rel_arena *arena, const char **text)
{
    uint16_t len;
    if (!get_bytes(r, at, &len, sizeof len))
        return false;
    *text = NULL;
    if (len == 0xFFFF)
        return true;
    if (*at + len > r->used)
        return false;
    *text = rel_arena_strndup(arena, (const char *)r->records + *at, len);
    *at += len;
    return *text != NULL;
}

/* The child's diagnostics into `diags`; false when the report is corrupt
 * or memory ran out copying it. */
static bool import_diags(const report *r, rel_arena *arena, rel_diags *diags)
{
    uint64_t at = 0;
    for (uint64_t i = 0; i < r->diag_count; i++) {
        uint32_t severity, line, col;
        const char *code, *file, *message;
        if (!get_bytes(r, &at, &severity, 4) || !get_bytes(r, &at, &line, 4)
            || !get_bytes(r, &at, &col, 4) || !get_text(r, &at, arena, &code)
            || !get_text(r, &at, arena, &file) || !get_text(r, &at, arena, &message)
            || code == NULL || message == NULL)
            return false;
        rel_diag_add(diags, (rel_severity)severity, code, (rel_origin){file, line, col}, "%s",
                     message);
    }
    if (r->out_of_memory || r->dropped > 0)
        diags->out_of_memory = true;
    return true;
}

/* "per il segnale 11 (accesso non valido alla memoria)", for E233. */
static const char *signal_words(int signal)
{
    switch (signal) {
    case SIGSEGV:
        return "accesso non valido alla memoria";
    case SIGBUS:
        return "errore di bus";
    case SIGABRT:
        return "interruzione anomala";
    case SIGFPE:
        return "errore aritmetico";
    case SIGKILL:
        return "ucciso dal sistema, forse per memoria esaurita";
    default:
        return "segnale";
    }
}

/* What writer i's child left: its diagnostics, or E233 when it did not end
 * normally. true when its document was written. */
static bool collect(const report *r, int status, rel_output_file *file, size_t *pages,
                    rel_arena *arena, rel_diags *diags)
{
    rel_origin where = {file->final_path, 0, 0};
    bool reported = WIFEXITED(status) && WEXITSTATUS(status) == 0
                    && __atomic_load_n(&r->done, __ATOMIC_ACQUIRE) == 1;
    if (!reported) {
        if (WIFSIGNALED(status))
            rel_diag_add(diags, REL_SEV_ERROR, REL_E_WRITER_CRASHED, where,
                         "il processo che scriveva il file si è interrotto per il segnale %d "
                         "(%s): nessun file è stato pubblicato; succede se la memoria è "
                         "esaurita, altrimenti è un errore interno da segnalare",
                         WTERMSIG(status), signal_words(WTERMSIG(status)));
        else
            rel_diag_add(diags, REL_SEV_ERROR, REL_E_WRITER_CRASHED, where,
                         "il processo che scriveva il file è terminato con lo stato %d senza "
                         "riferire l'esito: nessun file è stato pubblicato; succede se la "
                         "memoria è esaurita, altrimenti è un errore interno da segnalare",
                         WIFEXITED(status) ? WEXITSTATUS(status) : -1);
        return false;
    }
    if (!import_diags(r, arena, diags)) {
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_OUT_OF_MEMORY, where,
                     "memoria esaurita raccogliendo i messaggi della scrittura");
        return false;
    }
    if (!r->ok)
        return false;
    memcpy(file->sha256, r->sha256, sizeof file->sha256);
    file->synced = true;
    *pages = r->pages;
    return true;
}

typedef struct child_state {
    pid_t pid;                /* 0 once reaped, -1 if never started */
    int status;
    report *report;
} child_state;

/* Reaps every child that has ended; how many are still running. */
static size_t reap(child_state *children, size_t count, bool block)
{
    size_t running = 0;
    for (size_t i = 0; i < count; i++) {
        if (children[i].pid <= 0)
            continue;
        pid_t got = waitpid(children[i].pid, &children[i].status, block ? 0 : WNOHANG);
        if (got == children[i].pid || (got < 0 && errno != EINTR))
            children[i].pid = 0;
        else
            running++;
    }
    return running;
}

/* Waits for every child or for a held signal; the signal's number, or 0. */
static int wait_all(child_state *children, size_t count)
{
    struct pollfd event = {rel_interrupt_fd(), POLLIN, 0};
    if (event.fd < 0)
        return reap(children, count, true), 0;   /* not holding: no signal to wait for */
    while (reap(children, count, false) > 0) {
        if (poll(&event, 1, -1) < 0 && errno != EINTR)
            return reap(children, count, true), 0;
        int signal = rel_interrupt_take();
        if (signal == 0)
            continue;
        for (size_t i = 0; i < count; i++)
            if (children[i].pid > 0)
                kill(children[i].pid, SIGKILL);
        reap(children, count, true);
        return signal;
    }
    return 0;
}

static bool start(child_state *c, const rel_writer *writer, const void *input,
                  const rel_output_file *file, int lock_fd, rel_arena *arena, rel_diags *diags)
{
    c->pid = -1;
    c->report = mmap(NULL, REPORT_BYTES, PROT_READ | PROT_WRITE,
                     MAP_SHARED | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (c->report == MAP_FAILED) {
        c->report = NULL;
    } else {
        pid_t parent = getpid();
        c->pid = fork();
        if (c->pid == 0)
            child(writer, input, file, c->report, lock_fd, parent, arena);
    }
    if (c->pid > 0)
        return true;
    int error = errno;
    rel_diag_add(diags, REL_SEV_ERROR, error == ENOMEM ? REL_E_OUT_OF_MEMORY : REL_E_INTERNAL,
                 (rel_origin){file->final_path, 0, 0},
                 "impossibile avviare il processo che scrive il file: %s", rel_syserr(error));
    return false;
}

bool rel_writers_run(const rel_writer *writers, size_t count, const void *input,
                     rel_output_set *set, size_t *pages, int *interrupted, rel_arena *arena,
                     rel_diags *diags)
{
    child_state children[REL_OUTPUT_MAX_FILES];
    rel_output_file *files[REL_OUTPUT_MAX_FILES];
    *interrupted = 0;
    if (count > REL_OUTPUT_MAX_FILES)
        return false;
    bool ok = true;
    fflush(NULL);   /* what the parent buffered is written once, by the parent */
    for (size_t i = 0; i < count; i++) {
        pages[i] = 0;
        children[i] = (child_state){-1, 0, NULL};
        files[i] = rel_output_add(set, writers[i].name, arena, diags);
        ok = files[i] != NULL
             && start(&children[i], &writers[i], input, files[i], set->dir_fd, arena, diags)
             && ok;
    }
    *interrupted = wait_all(children, count);
    for (size_t i = 0; i < count; i++) {
        if (children[i].report == NULL)
            continue;
        if (*interrupted == 0 && children[i].pid == 0)
            ok = collect(children[i].report, children[i].status, files[i], &pages[i], arena,
                         diags) && ok;
        else
            ok = false;
        munmap(children[i].report, REPORT_BYTES);
    }
    return ok && *interrupted == 0;
}
