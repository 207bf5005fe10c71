package io.iotwatch.sim.logs;

/** A source small enough to generate all its events in one step, when the merge first asks for them. */
abstract class BatchSource extends EventSource {

    private boolean generated;

    /** Emits every event of the source. */
    protected abstract void generate();

    @Override
    protected final boolean step() {
        if (generated) {
            return false;
        }
        generated = true;
        generate();
        return true;
    }

    @Override
    protected final long horizon() {
        return generated ? Long.MAX_VALUE : Long.MIN_VALUE;
    }
}
