/*
 * interrupt.h - a build's temporaries never outlive an interrupted run.
 *
 * From the moment a build stages files until it has published or removed
 * them, SIGINT, SIGTERM and SIGHUP are held (blocked) and SIGCHLD is read
 * from a signalfd, so that the build can wait for its writer processes and
 * for a signal at once. A signal that arrives meanwhile is acted on at
 * points the build chooses: the writers are stopped, the staging directory
 * removed, and only then is the signal let through, ending the process as
 * it would have (exit status 128 + N to the shell). SIGXFSZ (RLIMIT_FSIZE,
 * `ulimit -f`) is ignored meanwhile, so an oversized file is a write error
 * (EFBIG) rather than a kill that leaves temporaries.
 */
#ifndef REL_INTERRUPT_H
#define REL_INTERRUPT_H

#include <stdbool.h>
#include <sys/types.h>

/* Starts holding the signals. false (errno set) when the process cannot;
 * nothing is then held. Not nested. */
bool rel_interrupt_hold(void);

/* A file descriptor readable when SIGCHLD or a held signal is pending, or
 * -1 when not holding. */
int rel_interrupt_fd(void);

/* Reads what made rel_interrupt_fd() readable: the number of a held
 * termination signal (consumed; pass it to rel_interrupt_release), or 0
 * for SIGCHLD or nothing. */
int rel_interrupt_take(void);

/* The number of a termination signal that is pending, 0 if none. Leaves it
 * pending. */
int rel_interrupt_pending(void);

/* Stops holding: dispositions and mask as before. When `signal` is not 0
 * (one rel_interrupt_take returned), or one is still pending, the process
 * ends by it now, as if it had never been held. */
void rel_interrupt_release(int signal);

/* In a child just forked from a holding parent: the default dispositions
 * and an empty mask for the held signals, SIGXFSZ still ignored, the
 * signalfd closed. The child also ends when its parent (`parent`, the pid
 * before fork) does. */
void rel_interrupt_child(pid_t parent);

#endif
