/*
 * shard.h - which entities a shard builds (`relazione batch --shard I/N`).
 *
 * An entity belongs to shard I of N when the 64-bit FNV-1a hash of its
 * directory name, modulo N, is I - 1. It depends on the name alone (not on
 * the other entities, the machine or the order of the listing), so N
 * machines or array tasks that run the same command with I = 1 … N build
 * every entity exactly once without talking to each other, and a shard run
 * again builds the same entities (docs/SCALING.md).
 */
#ifndef REL_BATCH_SHARD_H
#define REL_BATCH_SHARD_H

#include <stdbool.h>
#include <stdint.h>

/* FNV-1a, 64 bits, over the bytes of `name` (no NUL):
 *     rel_batch_hash("")  => 14695981039346656037 (the offset basis)
 *     rel_batch_hash("a") => 12638187200555641996 */
uint64_t rel_batch_hash(const char *name);

/* Whether entity `name` belongs to shard `shard` (1-based) of `shards`;
 * always true when `shards` is 1. */
bool rel_batch_in_shard(const char *name, int shard, int shards);

/* Parses "I/N": two decimal numbers of digits only, 1 <= I <= N <= 100000.
 * Returns false, and leaves *shard and *shards alone, for anything else
 * ("0/3", "4/3", "1/", "+1/3", " 1/3", "tre"). */
bool rel_batch_parse_shard(const char *text, int *shard, int *shards);

#endif
