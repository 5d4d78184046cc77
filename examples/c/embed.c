/* The C API: a host function, a granted directory, a limit being hit.
 *
 *   c_embed WORKDIR     (WORKDIR: a scratch directory) */
#include <capy/capy.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* word_count(text) -> int, or ValueError for an empty text. */
static capy_value *word_count(capy_call *call, void *user_data) {
  size_t len = 0, i, words = 0;
  const char *text;
  int in_word = 0;
  long *calls = (long *)user_data;
  ++*calls;
  if (capy_call_nargs(call) != 1) return capy_raise(call, "TypeError", "word_count() takes one argument");
  text = capy_value_str(capy_call_arg(call, 0), &len);
  if (!text) return capy_raise(call, "TypeError", "word_count() needs a str");
  if (len == 0) return capy_raise(call, "ValueError", "empty text");
  for (i = 0; i < len; ++i) {
    int space = text[i] == ' ' || text[i] == '\n' || text[i] == '\t';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return capy_int((int64_t)words);
}

static void show(const char *what, capy_result *r) {
  char *repr;
  switch (capy_result_status(r)) {
    case CAPY_OK:
      repr = capy_value_repr(capy_result_value(r));
      printf("%s: %s\n", what, repr);
      capy_free(repr);
      break;
    case CAPY_EXCEPTION:
      printf("%s: %s: %s\n", what, capy_result_type_name(r), capy_result_message(r));
      break;
    case CAPY_LIMIT:
      printf("%s: limit '%s'\n", what, capy_limit_name(capy_result_limit(r)));
      break;
    default:
      printf("%s: error: %s\n", what, capy_result_message(r));
  }
  capy_result_free(r);
}

int main(int argc, char **argv) {
  capy_runtime *rt;
  capy_isolate *iso;
  capy_limits limits;
  capy_value *dir;
  long calls = 0;
  char path[4096];
  FILE *f;

  if (argc != 2) {
    fprintf(stderr, "usage: %s WORKDIR\n", argv[0]);
    return 2;
  }
  snprintf(path, sizeof path, "%s/poem.txt", argv[1]);
  f = fopen(path, "w");
  if (!f) return 1;
  fputs("so much depends\nupon\na red wheel\nbarrow\n", f);
  fclose(f);

  rt = capy_runtime_new();
  capy_limits_default(&limits);
  limits.max_steps = 100000; /* a step budget instead of the clock */
  iso = capy_isolate_new(rt, &limits);
  if (!rt || !iso) return 1;

  if (capy_define_function(iso, "word_count", word_count, &calls, NULL) != 0 ||
      capy_grant_directory(iso, argv[1], 0) != 0) {
    fprintf(stderr, "setup failed: %s\n", capy_last_error());
    return 1;
  }
  dir = capy_str(argv[1], -1);
  capy_set_global(iso, "WORKDIR", dir);
  capy_value_free(dir);

  show("words in poem.txt", capy_run(iso, "word_count(open(WORKDIR + '/poem.txt').read())", -1, "c-embed"));
  show("empty text", capy_run(iso, "word_count('')", -1, "c-embed"));
  show("writing", capy_run(iso, "open(WORKDIR + '/graffiti.txt', 'w')", -1, "c-embed"));
  show("endless loop", capy_run(iso, "while True:\n    pass\n", -1, "c-embed"));
  show("after the limit", capy_run(iso, "[word_count(s) for s in ('a b', 'c d e')]", -1, "c-embed"));
  printf("word_count was called %ld times\n", calls);

  capy_isolate_free(iso);
  capy_runtime_free(rt);
  remove(path);
  return 0;
}
