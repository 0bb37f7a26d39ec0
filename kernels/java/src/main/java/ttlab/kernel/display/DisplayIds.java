package ttlab.kernel.display;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * Gives a display its id, so that a later {@code update_display_data} can replace it.
 *
 * <p>{@code DisplayData.setDisplayId} returns {@code void} in jjava-jupyter 1.0-a6 (which this
 * kernel is built on) and {@code DisplayData} in later JJava releases. A call compiled against one
 * is a {@link NoSuchMethodError} on the other, and this code also runs inside upstream JJava (the
 * course jar on its class path). {@code putTransientData} has the same signature in both, and the
 * display id is exactly that transient entry in both.
 */
public final class DisplayIds {

    /** The transient key of a display's id in Jupyter's display_data and update_display_data. */
    public static final String KEY = "display_id";

    private DisplayIds() {
    }

    public static DisplayData assign(DisplayData data, String id) {
        data.putTransientData(KEY, id);
        return data;
    }
}
