// The sanitizer canary: a deliberate fault of the kind the build's sanitizer looks for, run in
// a child process with the options and suppressions that `bash .ci/bootstrap sanitize` gives
// every test. It passes only if the child's sanitizer reported the fault, so that "no reports
// in the suites" is shown to mean something: ThreadSanitizer with
// ignore_noninstrumented_modules still sees a race in our code, AddressSanitizer still sees a
// read past the end of a heap block. Built only in sanitizer builds.

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <thread>

namespace {

int unguarded = 0;

int race() {
    std::thread other([] { unguarded = 1; });
    unguarded = 2;  // no lock, no join before it: a data race on every run, whatever the timing
    other.join();
    return unguarded;
}

int overflow(int length) {
    const std::unique_ptr<int[]> block(new int[static_cast<size_t>(length)]());
    return block[static_cast<size_t>(length)];  // one past the end
}

}  // namespace

int main(int argc, char** argv) {
    const bool thread = argc > 1 && std::strcmp(argv[1], "thread") == 0;
    const char* expected = thread ? "WARNING: ThreadSanitizer: data race" : "ERROR: AddressSanitizer: heap-buffer-overflow";
    int pipeEnds[2];
    if (pipe(pipeEnds) != 0) return 2;
    const pid_t child = fork();
    if (child < 0) return 2;
    if (child == 0) {
        dup2(pipeEnds[1], STDERR_FILENO);
        close(pipeEnds[0]);
        // The fault is chosen by argument, so the compiler cannot see it coming either way.
        const int value = thread ? race() : overflow(argc + 7);
        std::printf("the fault ran (%d)\n", value);
        std::fflush(stdout);
        _exit(0);
    }
    close(pipeEnds[1]);
    std::string report;
    char buffer[4096];
    for (ssize_t n; (n = read(pipeEnds[0], buffer, sizeof buffer)) > 0;) report.append(buffer, static_cast<size_t>(n));
    int status = 0;
    waitpid(child, &status, 0);
    if (report.find(expected) == std::string::npos) {
        std::printf("the sanitizer did not report the deliberate fault (expected \"%s\"); its output:\n%s\n",
                    expected, report.c_str());
        return 1;
    }
    std::printf("the sanitizer reported the deliberate fault: %s\n", expected);
    return 0;
}
