/* The C API on threads: one runtime, one isolate per thread, all running
 * at once. */
#include <capy/capy.h>

#include <pthread.h>
#include <stdio.h>

#define WORKERS 4

struct job {
  capy_runtime *rt;
  int n;
  char answer[128];
};

static void *work(void *arg) {
  struct job *job = (struct job *)arg;
  capy_isolate *iso = capy_isolate_new(job->rt, NULL);
  capy_value *n = capy_int(job->n);
  capy_result *r;
  capy_set_global(iso, "N", n);
  capy_value_free(n);
  r = capy_run(iso,
               "primes = [p for p in range(2, N) if all(p % d for d in range(2, int(p ** 0.5) + 1))]\n"
               "f'{len(primes)} primes below {N}, the largest {primes[-1]}'",
               -1, "worker");
  if (capy_result_status(r) == CAPY_OK)
    snprintf(job->answer, sizeof job->answer, "%s", capy_value_str(capy_result_value(r), NULL));
  else
    snprintf(job->answer, sizeof job->answer, "failed: %s", capy_result_message(r));
  capy_result_free(r);
  capy_isolate_free(iso);
  return NULL;
}

int main(void) {
  capy_runtime *rt = capy_runtime_new();
  pthread_t threads[WORKERS];
  struct job jobs[WORKERS];
  int i;
  for (i = 0; i < WORKERS; ++i) {
    jobs[i].rt = rt;
    jobs[i].n = 10000 * (i + 1);
    pthread_create(&threads[i], NULL, work, &jobs[i]);
  }
  for (i = 0; i < WORKERS; ++i) {
    pthread_join(threads[i], NULL);
    printf("%s\n", jobs[i].answer);
  }
  capy_runtime_free(rt);
  return 0;
}
