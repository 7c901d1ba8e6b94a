#define _GNU_SOURCE   /* getdents64 */
#include "pipeline/publish.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/codes.h"
#include "core/syserr.h"

#define JOURNAL "pubblicazione"
#define BACKUP_SUFFIX ".precedente"

/* A journal line is a flag, a space, a name and a newline. */
#define JOURNAL_MAX (REL_OUTPUT_MAX_FILES * (NAME_MAX + 3))

/* Calls `each(dir_fd, name, data)` for every entry of the directory open
 * as `dir_fd` but "." and "..", reading it with getdents64 into a buffer
 * on the stack (opendir would allocate). false when it cannot be read. */
static bool for_each_entry(int dir_fd, void (*each)(int, const char *, void *), void *data)
{
    if (lseek(dir_fd, 0, SEEK_SET) != 0)
        return false;
    char buffer[8192] __attribute__((aligned(8)));
    for (;;) {
        ssize_t got = getdents64(dir_fd, buffer, sizeof buffer);
        if (got < 0)
            return false;
        if (got == 0)
            return true;
        for (ssize_t at = 0; at < got;) {
            struct dirent64 *entry = (struct dirent64 *)(buffer + at);
            at += entry->d_reclen;
            if (strcmp(entry->d_name, ".") != 0 && strcmp(entry->d_name, "..") != 0)
                each(dir_fd, entry->d_name, data);
        }
    }
}

static void unlink_entry(int dir_fd, const char *name, void *data)
{
    (void)data;
    unlinkat(dir_fd, name, 0);
}

/* Removes the directory `name` of `parent_fd` and the files in it. */
static void discard_at(int parent_fd, const char *name)
{
    int fd = openat(parent_fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd >= 0) {
        for_each_entry(fd, unlink_entry, NULL);
        close(fd);
    }
    unlinkat(parent_fd, name, AT_REMOVEDIR);
}

void rel_publish_discard(const char *staging)
{
    discard_at(AT_FDCWD, staging);
}

static bool exists_at(int dir_fd, const char *name)
{
    struct stat info;
    return fstatat(dir_fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0;
}

static bool backup_name(const char *name, char *out)
{
    return snprintf(out, NAME_MAX + 1, "%s" BACKUP_SUFFIX, name) <= NAME_MAX;
}

/* Rolls back from the journal of the staging directory `staging_fd`:
 * every previous file back in place, every new one that had none
 * removed. true when the output directory is as before the publication. */
static bool undo(int out_fd, int staging_fd)
{
    char journal[JOURNAL_MAX + 1];
    int fd = openat(staging_fd, JOURNAL, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return errno == ENOENT;   /* no journal: publication had not begun */
    ssize_t len = read(fd, journal, JOURNAL_MAX);
    close(fd);
    if (len < 0)
        return false;
    journal[len] = '\0';
    bool ok = true;
    for (char *line = journal, *end; (end = strchr(line, '\n')) != NULL; line = end + 1) {
        *end = '\0';
        if (end - line < 3 || line[1] != ' ')
            return false;   /* a journal we did not write */
        const char *name = line + 2;
        char backup[NAME_MAX + 1];
        if (!backup_name(name, backup))
            return false;
        if (line[0] == '1' && exists_at(staging_fd, backup))
            ok = renameat(staging_fd, backup, out_fd, name) == 0 && ok;
        else if (line[0] == '0' && !exists_at(staging_fd, name))
            ok = (unlinkat(out_fd, name, 0) == 0 || errno == ENOENT) && ok;
    }
    return fsync(out_fd) == 0 && ok;
}

static bool sync_file(int dir_fd, const char *name)
{
    int fd = openat(dir_fd, name, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    bool ok = fsync(fd) == 0;
    int saved = errno;
    close(fd);
    errno = saved;
    return ok;
}

static bool write_all(int fd, const char *bytes, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, bytes, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        bytes += n;
        len -= (size_t)n;
    }
    return true;
}

/* Writes and flushes the journal; `existed[i]` says whether file i had a
 * previous version. */
static bool write_journal(int staging_fd, const rel_output_set *set, const bool *existed)
{
    char journal[JOURNAL_MAX];
    size_t len = 0;
    for (size_t i = 0; i < set->count; i++) {
        int n = snprintf(journal + len, sizeof journal - len, "%c %s\n", existed[i] ? '1' : '0',
                         set->files[i].name);
        if (n < 0 || (size_t)n >= sizeof journal - len)
            return false;
        len += (size_t)n;
    }
    int fd = openat(staging_fd, JOURNAL, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return false;
    bool ok = write_all(fd, journal, len) && fsync(fd) == 0;
    int saved = errno;
    close(fd);
    errno = saved;
    return ok && fsync(staging_fd) == 0;
}

static bool fail(rel_diags *diags, const char *code, const char *path, const char *message,
                 int error)
{
    rel_diag_add(diags, REL_SEV_ERROR, code, (rel_origin){path, 0, 0}, "%s%s%s; nessun file è "
                 "stato pubblicato", message, error ? ": " : "", error ? rel_syserr(error) : "");
    return false;
}

/* Steps 1 and 2: every staged file on disk, every target replaceable. */
static bool check_targets(rel_output_set *set, int staging_fd, bool *existed, rel_diags *diags)
{
    for (size_t i = 0; i < set->count; i++) {
        rel_output_file *file = &set->files[i];
        if (!file->synced && !sync_file(staging_fd, file->name))
            return fail(diags, REL_E_OUTPUT_WRITE, file->final_path, "scrittura non riuscita",
                        errno);
        file->synced = true;
        struct stat info;
        existed[i] = fstatat(set->dir_fd, file->name, &info, AT_SYMLINK_NOFOLLOW) == 0;
        if (!existed[i] && errno != ENOENT)
            return fail(diags, REL_E_OUTPUT_WRITE, file->final_path,
                        "impossibile controllare il file esistente", errno);
        if (existed[i] && S_ISDIR(info.st_mode))
            return fail(diags, REL_E_OUTPUT_TARGET, file->final_path,
                        "al posto del file c'è una cartella: spostarla o rinominarla", 0);
        if (existed[i] && !S_ISREG(info.st_mode) && !S_ISLNK(info.st_mode))
            return fail(diags, REL_E_OUTPUT_TARGET, file->final_path,
                        "al posto del file c'è un file speciale (una pipe o un dispositivo): "
                        "spostarlo o rinominarlo", 0);
    }
    return true;
}

/* Step 4 for one file: keep the previous one, put the new one in place. */
static bool replace(int out_fd, int staging_fd, const char *name, bool existed)
{
    char backup[NAME_MAX + 1];
    if (!backup_name(name, backup)) {
        errno = ENAMETOOLONG;
        return false;
    }
    if (existed && linkat(out_fd, name, staging_fd, backup, 0) != 0) {
        bool no_links = errno == EPERM || errno == EOPNOTSUPP || errno == EMLINK
                        || errno == ENOSYS;
        if (!no_links || renameat(out_fd, name, staging_fd, backup) != 0)
            return false;
    }
    return renameat(staging_fd, name, out_fd, name) == 0;
}

/* Steps 1 to 3; false (error added) when nothing may move. */
static bool ready(rel_output_set *set, int staging_fd, bool *existed, rel_diags *diags)
{
    if (staging_fd < 0)
        return fail(diags, REL_E_OUTPUT_WRITE, set->dir, "cartella di lavoro non più accessibile",
                    errno);
    if (!check_targets(set, staging_fd, existed, diags))
        return false;
    if (!write_journal(staging_fd, set, existed))
        return fail(diags, REL_E_OUTPUT_WRITE, set->dir,
                    "scrittura del registro di pubblicazione non riuscita", errno);
    return true;
}

bool rel_publish(rel_output_set *set, rel_diags *diags)
{
    int staging_fd = open(set->staging, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    bool existed[REL_OUTPUT_MAX_FILES];
    if (!ready(set, staging_fd, existed, diags)) {
        if (staging_fd >= 0)
            close(staging_fd);
        rel_publish_discard(set->staging);
        return false;
    }
    for (size_t i = 0; i < set->count; i++) {
        const rel_output_file *file = &set->files[i];
        if (replace(set->dir_fd, staging_fd, file->name, existed[i]))
            continue;
        int error = errno;
        bool restored = undo(set->dir_fd, staging_fd);
        close(staging_fd);
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_OUTPUT_WRITE, (rel_origin){file->final_path, 0, 0},
                     "impossibile pubblicare il file: %s; %s", rel_syserr(error),
                     restored ? "i file precedenti sono stati lasciati come erano"
                              : "ripristino non riuscito: la prossima compilazione in questa "
                                "cartella rimetterà a posto i file precedenti");
        if (restored)
            rel_publish_discard(set->staging);
        return false;
    }
    /* The commit point: once the journal is gone the new set stands. */
    bool ok = fsync(set->dir_fd) == 0 && unlinkat(staging_fd, JOURNAL, 0) == 0;
    close(staging_fd);
    if (ok)
        rel_publish_discard(set->staging);
    else
        rel_diag_add(diags, REL_SEV_WARNING, REL_W_OUTPUT_RESTORED, (rel_origin){set->dir, 0, 0},
                     "i file sono pubblicati ma la cartella di lavoro %s non si è potuta "
                     "chiudere: %s", set->staging, rel_syserr(errno));
    return true;
}

typedef struct stale_list {
    char names[16][NAME_MAX + 1];
    size_t count;
} stale_list;

static void collect_stale(int dir_fd, const char *name, void *data)
{
    stale_list *list = data;
    size_t prefix = strlen(REL_OUTPUT_STAGING_PREFIX);
    struct stat info;
    if (list->count < 16 && strncmp(name, REL_OUTPUT_STAGING_PREFIX, prefix) == 0
        && strlen(name) == prefix + 6
        && fstatat(dir_fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(info.st_mode)
        && info.st_uid == geteuid())
        strcpy(list->names[list->count++], name);
}

bool rel_publish_recover(int dir_fd, const char *out_dir, rel_diags *diags)
{
    stale_list stale = {.count = 0};
    if (!for_each_entry(dir_fd, collect_stale, &stale)) {
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_OUTPUT_DIR, (rel_origin){out_dir, 0, 0},
                     "impossibile leggere la cartella di output: %s", rel_syserr(errno));
        return false;
    }
    bool ok = true;
    for (size_t i = 0; i < stale.count; i++) {
        int staging_fd = openat(dir_fd, stale.names[i], O_RDONLY | O_DIRECTORY | O_NOFOLLOW
                                                         | O_CLOEXEC);
        bool begun = staging_fd >= 0 && exists_at(staging_fd, JOURNAL);
        bool undone = staging_fd >= 0 && undo(dir_fd, staging_fd);
        if (staging_fd >= 0)
            close(staging_fd);
        if (begun && undone)
            rel_diag_add(diags, REL_SEV_WARNING, REL_W_OUTPUT_RESTORED,
                         (rel_origin){out_dir, 0, 0},
                         "una compilazione precedente è stata interrotta mentre pubblicava i "
                         "file: rimessi a posto quelli di prima");
        if (undone) {
            discard_at(dir_fd, stale.names[i]);
            continue;
        }
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_OUTPUT_WRITE, (rel_origin){out_dir, 0, 0},
                     "una compilazione precedente è stata interrotta mentre pubblicava i file "
                     "e i file di prima non si possono rimettere a posto: sono in %s/%s",
                     out_dir, stale.names[i]);
        ok = false;
    }
    return ok;
}
