#include "load/source.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/codes.h"
#include "core/number.h"
#include "core/syserr.h"
#include "load/sniff.h"

static bool read_error(rel_diags *diags, const char *path, const char *why)
{
    rel_diag_add(diags, REL_SEV_ERROR, REL_E_FILE_READ, (rel_origin){path, 0, 0},
                 "impossibile leggere il file: %s", why);
    return false;
}

/* What a file that is not a regular file is, for E008. */
static const char *special_kind(mode_t mode)
{
    if (S_ISFIFO(mode))
        return "una pipe con nome (FIFO)";
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return "un dispositivo";
    if (S_ISSOCK(mode))
        return "un socket";
    return "un file speciale";
}

/* Opens `fs_path` for reading without ever blocking (a FIFO opened
 * without O_NONBLOCK waits for a writer forever), and checks it is a
 * regular file of at most `max_bytes`; -1 after adding an error. */
static int open_regular(const char *fs_path, const char *shown, size_t max_bytes,
                        size_t *size, rel_diags *diags)
{
    int fd = open(fs_path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return read_error(diags, shown, rel_syserr(errno)), -1;
    struct stat info;
    if (fstat(fd, &info) != 0) {
        read_error(diags, shown, rel_syserr(errno));
        close(fd);
        return -1;
    }
    if (!S_ISREG(info.st_mode)) {
        if (S_ISDIR(info.st_mode))
            read_error(diags, shown, "è una cartella, non un file");
        else
            rel_diag_add(diags, REL_SEV_ERROR, REL_E_FILE_SPECIAL, (rel_origin){shown, 0, 0},
                         "è %s, non un file: non viene letto", special_kind(info.st_mode));
        close(fd);
        return -1;
    }
    if ((unsigned long long)info.st_size > max_bytes) {
        close(fd);
        char text[REL_NUMBER_FORMAT_MAX];
        int64_t tenths = (int64_t)((info.st_size * 10 + 1024 * 1024 - 1) / (1024 * 1024));
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_FILE_TOO_LARGE, (rel_origin){shown, 0, 0},
                     "il file è di %s MiB, oltre il limite di %zu MiB: controllare che sia il "
                     "file giusto", rel_number_format(tenths, 1, 1, 0, text),
                     max_bytes / (1024 * 1024));
        return -1;
    }
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    *size = (size_t)info.st_size;
    return fd;
}

/* Reads exactly `size` bytes (a file that changed size meanwhile is an
 * error, never half read). */
static bool read_exactly(int fd, char *bytes, size_t size)
{
    size_t got = 0;
    while (got < size) {
        ssize_t n = read(fd, bytes + got, size - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        got += (size_t)n;
    }
    char extra;
    return read(fd, &extra, 1) == 0;
}

bool rel_source_read(const char *fs_path, const char *display_path, size_t max_bytes,
                     rel_arena *arena, rel_diags *diags, rel_text *text)
{
    size_t size;
    int fd = open_regular(fs_path, display_path, max_bytes, &size, diags);
    if (fd < 0)
        return false;
    char *bytes = malloc(size + 1);
    if (bytes == NULL) {
        close(fd);
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_OUT_OF_MEMORY, (rel_origin){display_path, 0, 0},
                     "memoria esaurita leggendo il file");
        return false;
    }
    bool complete = read_exactly(fd, bytes, size);
    int error = errno;
    close(fd);
    if (!complete) {
        free(bytes);
        return read_error(diags, display_path,
                          error ? rel_syserr(error) : "il file è cambiato durante la lettura");
    }
    const char *kind = rel_sniff_binary(bytes, size);
    if (kind != NULL) {
        free(bytes);
        const char *slash = strrchr(display_path, '/');
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_FILE_NOT_TEXT, (rel_origin){display_path, 0, 0},
                     "è %s, non un file di testo: %s", kind,
                     rel_sniff_advice(slash ? slash + 1 : display_path));
        return false;
    }
    bool ok = rel_encoding_decode(bytes, size, display_path, arena, diags, text);
    free(bytes);
    return ok;
}
