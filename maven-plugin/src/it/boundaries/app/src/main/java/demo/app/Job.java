package demo.app;

abstract class Job {
    abstract int perform(int x);

    static Job named(String name) {
        return name.equals("build") ? new BuildJob() : new NoopJob();
    }
}
