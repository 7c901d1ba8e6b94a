#include "core/syserr.h"

#include <errno.h>
#include <string.h>

const char *rel_syserr(int error)
{
    switch (error) {
    case EACCES:
    case EPERM:
        return "permesso negato";
    case ENOSPC:
        return "disco pieno";
    case EDQUOT:
        return "quota del disco esaurita";
    case ENOENT:
        return "il file o la cartella non esiste";
    case ENOTDIR:
        return "una parte del percorso non è una cartella";
    case EISDIR:
        return "è una cartella, non un file";
    case EROFS:
        return "file system in sola lettura";
    case EEXIST:
        return "esiste già";
    case ENAMETOOLONG:
        return "percorso troppo lungo";
    case EIO:
        return "errore di lettura o scrittura del disco";
    case ENOMEM:
        return "memoria esaurita";
    default:
        return strerror(error);
    }
}
