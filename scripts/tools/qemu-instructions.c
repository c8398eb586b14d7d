/*
 * A QEMU TCG plugin (user mode) that counts the guest instructions a program executes and
 * prints "instructions: N" on stderr at exit: the arm64 column of scripts/bench-instructions.sh
 * (callgrind counts x86_64 only). Each translated block adds its instruction count when it
 * runs (an inline add, no callback).
 *
 * Written against the plugin API of QEMU 7.2 (Debian 12's qemu-user, plugin API version 1),
 * whose header (qemu-plugin.h) no Debian package ships: the few declarations used are below, as
 * that header has them. QEMU 9.0 and later removed qemu_plugin_register_vcpu_tb_exec_inline;
 * loading the plugin there fails, and the script says so.
 *
 * Build: cc -shared -fPIC -O2 -o qemu-instructions.so qemu-instructions.c
 * Run:   qemu-aarch64 -L /usr/aarch64-linux-gnu -plugin ./qemu-instructions.so PROGRAM ARGS
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef uint64_t qemu_plugin_id_t;
typedef struct qemu_info_t qemu_info_t;
struct qemu_plugin_tb;
enum qemu_plugin_op { QEMU_PLUGIN_INLINE_ADD_U64 };
typedef void (*qemu_plugin_vcpu_tb_trans_cb_t)(qemu_plugin_id_t, struct qemu_plugin_tb *);
typedef void (*qemu_plugin_udata_cb_t)(qemu_plugin_id_t, void *);

void qemu_plugin_register_vcpu_tb_trans_cb(qemu_plugin_id_t, qemu_plugin_vcpu_tb_trans_cb_t);
size_t qemu_plugin_tb_n_insns(const struct qemu_plugin_tb *);
void qemu_plugin_register_vcpu_tb_exec_inline(struct qemu_plugin_tb *, enum qemu_plugin_op,
                                              void *, uint64_t);
void qemu_plugin_register_atexit_cb(qemu_plugin_id_t, qemu_plugin_udata_cb_t, void *);

__attribute__((visibility("default"))) int qemu_plugin_version = 1;

/* The workloads are single-threaded: one counter. */
static uint64_t instructions;

static void traduit(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
    (void)id;
    qemu_plugin_register_vcpu_tb_exec_inline(tb, QEMU_PLUGIN_INLINE_ADD_U64, &instructions,
                                             qemu_plugin_tb_n_insns(tb));
}

static void fin(qemu_plugin_id_t id, void *donnee)
{
    (void)id;
    (void)donnee;
    fprintf(stderr, "instructions: %llu\n", (unsigned long long)instructions);
}

__attribute__((visibility("default"))) int qemu_plugin_install(qemu_plugin_id_t id,
                                                               const qemu_info_t *info,
                                                               int argc, char **argv)
{
    (void)info;
    (void)argc;
    (void)argv;
    qemu_plugin_register_vcpu_tb_trans_cb(id, traduit);
    qemu_plugin_register_atexit_cb(id, fin, NULL);
    return 0;
}
