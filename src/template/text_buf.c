#include "template/text_buf.h"

#include <stdint.h>
#include <string.h>

void rel_text_buf_init(rel_text_buf *buf, rel_arena *arena)
{
    *buf = (rel_text_buf){arena, NULL, 0, 0};
}

static bool reserve(rel_text_buf *buf, size_t more)
{
    size_t need;
    if (__builtin_add_overflow(buf->len, more, &need) || need == SIZE_MAX)
        return false;
    need++;
    if (need <= buf->cap)
        return true;
    size_t cap = buf->cap ? buf->cap : 64;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    char *data = rel_arena_alloc(buf->arena, cap);
    if (data == NULL)
        return false;
    if (buf->len)
        memcpy(data, buf->data, buf->len);
    buf->data = data;
    buf->cap = cap;
    return true;
}

bool rel_text_buf_append(rel_text_buf *buf, const char *text, size_t len)
{
    if (!reserve(buf, len))
        return false;
    memcpy(buf->data + buf->len, text, len);
    buf->len += len;
    buf->data[buf->len] = '\0';
    return true;
}

bool rel_text_buf_join(rel_text_buf *buf, const char *sep, const char *text, size_t len)
{
    size_t sep_len = buf->len ? strlen(sep) : 0, total;
    if (__builtin_add_overflow(sep_len, len, &total) || !reserve(buf, total))
        return false;
    return rel_text_buf_append(buf, sep, sep_len) && rel_text_buf_append(buf, text, len);
}

bool rel_text_buf_empty(const rel_text_buf *buf)
{
    return buf->len == 0;
}

const char *rel_text_buf_take(rel_text_buf *buf)
{
    const char *text = buf->data ? buf->data : "";
    rel_text_buf_init(buf, buf->arena);
    return text;
}
