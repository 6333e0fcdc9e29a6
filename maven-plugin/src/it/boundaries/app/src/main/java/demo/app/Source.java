package demo.app;

interface Source<T> {
    T next();
}
