/* SPDX-License-Identifier: MIT */
/* startup.c - run a command many times; time each run from fork to reaped.
 *
 * usage: startup [-n RUNS] [-l] [-e] -- COMMAND [ARGS...]
 *
 * Each run: clock_gettime(CLOCK_MONOTONIC), fork, exec COMMAND with stdin,
 * stdout and stderr on /dev/null (-e: stderr left as it is, for a command's
 * own report such as kvm-tui --stats), wait4, clock_gettime. The figure includes
 * fork and exec themselves, as a user typing the command pays them, and
 * nothing of this program's own start-up. wait4's rusage gives each run's
 * peak RSS (ru_maxrss) and CPU time.
 *
 * Prints the median, 10th and 90th percentiles, min and max of the wall
 * time, the median peak RSS and CPU time, and the exit status of the runs
 * (and how many differed from the first). With -l also one line per run:
 *   run PID START_NS END_NS MAXRSS_KIB STATUS
 * so another tool's timestamps (perf -k CLOCK_MONOTONIC) can be matched.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

struct run {
	pid_t pid;
	uint64_t start_ns, end_ns;
	long maxrss_kib;
	double cpu_ms;
	int status;
};

static uint64_t now_ns(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (uint64_t)t.tv_sec * 1000000000ull + (uint64_t)t.tv_nsec;
}

static bool keep_stderr;

static void child(char **argv)
{
	int null = open("/dev/null", O_RDWR);
	if (null < 0)
		_exit(127);
	dup2(null, STDIN_FILENO);
	dup2(null, STDOUT_FILENO);
	if (!keep_stderr)
		dup2(null, STDERR_FILENO);
	execvp(argv[0], argv);
	_exit(127);
}

static int status_of(int wstatus)
{
	if (WIFEXITED(wstatus))
		return WEXITSTATUS(wstatus);
	return 128 + (WIFSIGNALED(wstatus) ? WTERMSIG(wstatus) : 0);
}

static bool one_run(char **argv, struct run *r)
{
	struct rusage ru;
	int wstatus;
	r->start_ns = now_ns();
	r->pid = fork();
	if (r->pid < 0)
		return false;
	if (r->pid == 0)
		child(argv);
	if (wait4(r->pid, &wstatus, 0, &ru) < 0)
		return false;
	r->end_ns = now_ns();
	r->maxrss_kib = ru.ru_maxrss;
	r->cpu_ms = (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
		    (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
	r->status = status_of(wstatus);
	return true;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* Sorts v; returns the value at fraction q (0..1). */
static double quantile(double *v, int n, double q)
{
	qsort(v, (size_t)n, sizeof(*v), cmp_double);
	return v[(int)(q * (n - 1) + 0.5)];
}

static void summarise(const struct run *runs, int n)
{
	double *wall = malloc(sizeof(double) * (size_t)n);
	double *rss = malloc(sizeof(double) * (size_t)n);
	double *cpu = malloc(sizeof(double) * (size_t)n);
	int differ = 0;
	if (!wall || !rss || !cpu)
		exit(1);
	for (int i = 0; i < n; i++) {
		wall[i] = (double)(runs[i].end_ns - runs[i].start_ns) / 1e6;
		rss[i] = (double)runs[i].maxrss_kib;
		cpu[i] = runs[i].cpu_ms;
		differ += runs[i].status != runs[0].status;
	}
	printf("runs: %d\n", n);
	printf("wall_ms_median: %.3f\n", quantile(wall, n, 0.5));
	printf("wall_ms_p10: %.3f\nwall_ms_p90: %.3f\n", quantile(wall, n, 0.1), quantile(wall, n, 0.9));
	printf("wall_ms_min: %.3f\nwall_ms_max: %.3f\n", wall[0], wall[n - 1]);
	printf("maxrss_kib_median: %.0f\n", quantile(rss, n, 0.5));
	printf("cpu_ms_median: %.3f\n", quantile(cpu, n, 0.5));
	printf("status: %d (%d runs differed)\n", runs[0].status, differ);
	free(wall);
	free(rss);
	free(cpu);
}

static void usage(void)
{
	fprintf(stderr, "usage: startup [-n RUNS] [-l] [-e] -- COMMAND [ARGS...]\n");
	exit(2);
}

int main(int argc, char **argv)
{
	int n = 200, opt;
	bool list = false;
	while ((opt = getopt(argc, argv, "n:le")) != -1) {
		if (opt == 'n')
			n = atoi(optarg);
		else if (opt == 'l')
			list = true;
		else if (opt == 'e')
			keep_stderr = true;
		else
			usage();
	}
	if (optind >= argc || n < 1)
		usage();
	struct run *runs = calloc((size_t)n, sizeof(*runs));
	if (!runs)
		return 1;
	for (int i = 0; i < n; i++) {
		if (!one_run(argv + optind, &runs[i])) {
			perror("startup");
			return 1;
		}
		if (list)
			printf("run %d %" PRIu64 " %" PRIu64 " %ld %d\n", (int)runs[i].pid,
			       runs[i].start_ns, runs[i].end_ns, runs[i].maxrss_kib, runs[i].status);
	}
	summarise(runs, n);
	free(runs);
	return 0;
}
