#include "batch/shard.h"

#include <stddef.h>

#define SHARDS_MAX 100000

uint64_t rel_batch_hash(const char *name)
{
    uint64_t hash = 14695981039346656037ULL;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
        hash ^= *p;
        hash *= 1099511628211ULL;
    }
    return hash;
}

bool rel_batch_in_shard(const char *name, int shard, int shards)
{
    return shards <= 1 || rel_batch_hash(name) % (uint64_t)shards == (uint64_t)(shard - 1);
}

/* Digits from *text up to a byte that is not one; false if there are none
 * or the number exceeds SHARDS_MAX. */
static bool number(const char **text, long *value)
{
    const char *p = *text;
    *value = 0;
    while (*p >= '0' && *p <= '9') {
        *value = *value * 10 + (*p - '0');
        if (*value > SHARDS_MAX)
            return false;
        p++;
    }
    bool any = p != *text;
    *text = p;
    return any;
}

bool rel_batch_parse_shard(const char *text, int *shard, int *shards)
{
    long i, n;
    if (!number(&text, &i) || *text++ != '/' || !number(&text, &n) || *text != '\0')
        return false;
    if (i < 1 || i > n)
        return false;
    *shard = (int)i;
    *shards = (int)n;
    return true;
}
