package samples.serial;

/** A superclass that is not serializable; hidden from the instrumenter, it might be. */
public class Base {
}
