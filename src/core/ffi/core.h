/* The C boundary of the verified core: bytes in, bytes out (see ../WIRE.md).
 * Every function must be called from the single thread that owns the OCaml
 * runtime (src/core/mod.rs guarantees it). */
#ifndef DARCSWEB_CORE_H
#define DARCSWEB_CORE_H

#include <stddef.h>
#include <stdint.h>

/* Start the OCaml runtime and run the module initialisers (which register the
 * dispatcher). Returns 0 on success, a negative code otherwise. Idempotent. */
int dw_core_init(void);

/* Call the dispatcher with a request; on success (0) out and out_len hold a
 * malloc'ed response that the caller frees with dw_core_free. Negative codes:
 * -1 runtime not started or dispatcher missing, -2 an OCaml exception escaped
 * (its description is returned in *out), -3 out of memory. */
int dw_core_call(const uint8_t *req, size_t req_len, uint8_t **out, size_t *out_len);

/* Free a response returned by dw_core_call. */
void dw_core_free(uint8_t *p);

#endif
