package demo.app;

class Shelf {
    Object take() {
        return "nothing";
    }
}
