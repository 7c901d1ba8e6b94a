/*
 * syserr.h - system errors in Italian, for messages to users: strerror
 * speaks the C locale's English, and the process never sets another
 * locale (LIBS.md: an Italian LC_NUMERIC corrupts libxlsxwriter's output).
 */
#ifndef REL_SYSERR_H
#define REL_SYSERR_H

/* "permesso negato" for EACCES, "disco pieno" for ENOSPC, …; the C text
 * for the rare others. */
const char *rel_syserr(int error);

#endif
