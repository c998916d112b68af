// cmark-floor DIR: the floor a process that generates models from DIR cannot go below.
// It finds the `.md` files below DIR (hidden entries skipped), reads each one, parses it with
// cmark and walks its tree with cmark's iterator, touching each node's type and the literal of
// text and code nodes, then prints the counts. A C program, so that its start-up is the
// kernel's and libc's alone: `specmodels-bench compare` times it beside `specmodels generate`.
#include <cmark.h>
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct totals {
    long files, bytes, nodes;
};

static long walk_tree(const char *text, size_t length) {
    cmark_node *root = cmark_parse_document(text, length, CMARK_OPT_DEFAULT);
    if (!root) return 0;
    cmark_iter *iterator = cmark_iter_new(root);
    long nodes = 0;
    cmark_event_type event;
    while ((event = cmark_iter_next(iterator)) != CMARK_EVENT_DONE) {
        if (event != CMARK_EVENT_ENTER) continue;
        cmark_node *node = cmark_iter_get_node(iterator);
        cmark_node_type type = cmark_node_get_type(node);
        if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE) {
            const char *literal = cmark_node_get_literal(node);
            if (literal) nodes += literal[0] & 1;
        }
        nodes += 1;
    }
    cmark_iter_free(iterator);
    cmark_node_free(root);
    return nodes;
}

static int read_file(const char *path, char **buffer, size_t *length) {
    int descriptor = open(path, O_RDONLY);
    if (descriptor < 0) return 0;
    struct stat status;
    if (fstat(descriptor, &status) != 0) {
        close(descriptor);
        return 0;
    }
    size_t size = (size_t)status.st_size;
    char *bytes = malloc(size + 1);
    size_t done = 0;
    while (bytes && done < size) {
        ssize_t count = read(descriptor, bytes + done, size - done);
        if (count <= 0) break;
        done += (size_t)count;
    }
    close(descriptor);
    if (!bytes || done != size) {
        free(bytes);
        return 0;
    }
    *buffer = bytes;
    *length = size;
    return 1;
}

static void visit(const char *folder, struct totals *totals) {
    DIR *handle = opendir(folder);
    if (!handle) return;
    struct dirent *entry;
    while ((entry = readdir(handle))) {
        if (entry->d_name[0] == '.') continue;
        char path[PATH_MAX];
        if (snprintf(path, sizeof path, "%s/%s", folder, entry->d_name) >= (int)sizeof path) continue;
        if (entry->d_type == DT_DIR) {
            visit(path, totals);
            continue;
        }
        size_t name_length = strlen(entry->d_name);
        if (name_length < 3 || strcmp(entry->d_name + name_length - 3, ".md") != 0) continue;
        char *text;
        size_t length;
        if (!read_file(path, &text, &length)) continue;
        totals->files += 1;
        totals->bytes += (long)length;
        totals->nodes += walk_tree(text, length);
        free(text);
    }
    closedir(handle);
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: cmark-floor DIR\n");
        return 2;
    }
    struct totals totals = {0, 0, 0};
    visit(argv[1], &totals);
    printf("%ld docs, %ld bytes, %ld nodes\n", totals.files, totals.bytes, totals.nodes);
    return totals.files > 0 ? 0 : 1;
}
