package demo.lib;

/** Work the library runs for its users. */
public interface Task {
    int run(int x);
}
