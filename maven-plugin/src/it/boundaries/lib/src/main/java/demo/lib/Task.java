package demo.lib;

/** A unit of work that users implement. */
public interface Task {
    int run(int x);
}
