#include "pipeline/interrupt.h"

#include <errno.h>
#include <signal.h>
#include <stddef.h>
#include <sys/prctl.h>
#include <sys/signalfd.h>
#include <unistd.h>

static const int termination[] = {SIGINT, SIGTERM, SIGHUP};
#define TERMINATION_COUNT (sizeof termination / sizeof termination[0])

static struct {
    int fd;
    sigset_t old_mask;
    struct sigaction old_chld, old_xfsz;
} held = {.fd = -1};

static void held_set(sigset_t *set)
{
    sigemptyset(set);
    for (size_t i = 0; i < TERMINATION_COUNT; i++)
        sigaddset(set, termination[i]);
    sigaddset(set, SIGCHLD);
}

bool rel_interrupt_hold(void)
{
    sigset_t set;
    held_set(&set);
    if (sigprocmask(SIG_BLOCK, &set, &held.old_mask) != 0)
        return false;
    held.fd = signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
    if (held.fd < 0) {
        int saved = errno;
        sigprocmask(SIG_SETMASK, &held.old_mask, NULL);
        errno = saved;
        return false;
    }
    /* SIGCHLD ignored by whoever started us would reap our writers. */
    struct sigaction chld = {.sa_handler = SIG_DFL}, ignore = {.sa_handler = SIG_IGN};
    sigaction(SIGCHLD, &chld, &held.old_chld);
    sigaction(SIGXFSZ, &ignore, &held.old_xfsz);
    return true;
}

int rel_interrupt_fd(void)
{
    return held.fd;
}

/* A held signal whose disposition is SIG_IGN (SIGHUP under nohup) is
 * queued while blocked, but would not have ended the process. */
static bool ends_process(int signal)
{
    struct sigaction current;
    return signal != SIGCHLD && sigaction(signal, NULL, &current) == 0
           && current.sa_handler != SIG_IGN;
}

int rel_interrupt_take(void)
{
    struct signalfd_siginfo info;
    while (held.fd >= 0 && read(held.fd, &info, sizeof info) == (ssize_t)sizeof info)
        if (ends_process((int)info.ssi_signo))
            return (int)info.ssi_signo;
    return 0;
}

int rel_interrupt_pending(void)
{
    sigset_t pending;
    if (held.fd < 0 || sigpending(&pending) != 0)
        return 0;
    for (size_t i = 0; i < TERMINATION_COUNT; i++)
        if (sigismember(&pending, termination[i]) && ends_process(termination[i]))
            return termination[i];
    return 0;
}

void rel_interrupt_release(int signal)
{
    if (held.fd < 0)
        return;
    close(held.fd);
    held.fd = -1;
    sigaction(SIGCHLD, &held.old_chld, NULL);
    sigaction(SIGXFSZ, &held.old_xfsz, NULL);
    /* A SIGCHLD that came meanwhile is nobody's business now. */
    sigset_t chld;
    sigemptyset(&chld);
    sigaddset(&chld, SIGCHLD);
    struct timespec none = {0, 0};
    while (sigtimedwait(&chld, NULL, &none) == SIGCHLD)
        continue;
    sigprocmask(SIG_SETMASK, &held.old_mask, NULL);   /* a pending one ends us here */
    if (signal != 0)
        raise(signal);
}

void rel_interrupt_child(pid_t parent)
{
    if (held.fd >= 0)
        close(held.fd);
    held.fd = -1;
    struct sigaction fallback = {.sa_handler = SIG_DFL};
    for (size_t i = 0; i < TERMINATION_COUNT; i++) {
        struct sigaction current;
        if (sigaction(termination[i], NULL, &current) == 0 && current.sa_handler != SIG_IGN)
            sigaction(termination[i], &fallback, NULL);
    }
    sigset_t set;
    held_set(&set);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent)
        _exit(70);   /* the parent died before prctl: nobody will publish */
}
