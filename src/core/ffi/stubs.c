/* C stubs between Rust and the extracted OCaml core: they only move bytes.
 * The OCaml side (glue.ml) registers "darcsweb_dispatch" : string -> string. */
#include <stdlib.h>
#include <string.h>
#define CAML_NAME_SPACE
#include <caml/alloc.h>
#include <caml/callback.h>
#include <caml/memory.h>
#include <caml/mlvalues.h>
#include <caml/printexc.h>

#include "core.h"

static int started = 0;
static const value *dispatch = NULL;

int dw_core_init(void)
{
    static char *argv[] = {"darcsweb-core", NULL};
    if (started)
        return dispatch ? 0 : -1;
    value res = caml_startup_exn(argv);
    started = 1;
    if (Is_exception_result(res))
        return -2;
    dispatch = caml_named_value("darcsweb_dispatch");
    return dispatch ? 0 : -1;
}

static int copy_out(const char *src, size_t n, uint8_t **out, size_t *out_len)
{
    uint8_t *buf = malloc(n ? n : 1);
    if (!buf)
        return -3;
    memcpy(buf, src, n);
    *out = buf;
    *out_len = n;
    return 0;
}

int dw_core_call(const uint8_t *req, size_t req_len, uint8_t **out, size_t *out_len)
{
    *out = NULL;
    *out_len = 0;
    if (!dispatch)
        return -1;
    CAMLparam0();
    CAMLlocal2(arg, res);
    int rc;
    arg = caml_alloc_initialized_string(req_len, (const char *)req);
    res = caml_callback_exn(*dispatch, arg);
    if (Is_exception_result(res)) {
        char *msg = caml_format_exception(Extract_exception(res));
        rc = copy_out(msg ? msg : "unknown OCaml exception", msg ? strlen(msg) : 23, out, out_len);
        /* caml_format_exception allocates with caml_stat_alloc: free it with its pair */
        if (msg)
            caml_stat_free(msg);
        CAMLreturnT(int, rc == 0 ? -2 : rc);
    }
    rc = copy_out(String_val(res), caml_string_length(res), out, out_len);
    CAMLreturnT(int, rc);
}

void dw_core_free(uint8_t *p)
{
    free(p);
}
