/*
 * fakeclock.c - an LD_PRELOAD shim that stops the clock, for
 * test_robustness.py: time(), gettimeofday() and clock_gettime(CLOCK_REALTIME)
 * all answer FAKECLOCK_EPOCH (seconds since 1970, UTC). A build must not
 * depend on the clock, so its outputs are the same under any value.
 * (Debian's faketime does the same and more; this needs only gcc.)
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>
#include <sys/time.h>
#include <time.h>

static time_t fake_now(void)
{
    const char *epoch = getenv("FAKECLOCK_EPOCH");
    return epoch ? (time_t)strtoll(epoch, NULL, 10) : 0;
}

time_t time(time_t *out)
{
    time_t now = fake_now();
    if (out)
        *out = now;
    return now;
}

int gettimeofday(struct timeval *restrict tv, void *restrict tz)
{
    (void)tz;
    tv->tv_sec = fake_now();
    tv->tv_usec = 0;
    return 0;
}

int clock_gettime(clockid_t clock, struct timespec *ts)
{
    static int (*real)(clockid_t, struct timespec *);
    if (clock != CLOCK_REALTIME && clock != CLOCK_REALTIME_COARSE) {
        if (real == NULL)
            real = (int (*)(clockid_t, struct timespec *))dlsym(RTLD_NEXT, "clock_gettime");
        return real(clock, ts);
    }
    ts->tv_sec = fake_now();
    ts->tv_nsec = 0;
    return 0;
}
