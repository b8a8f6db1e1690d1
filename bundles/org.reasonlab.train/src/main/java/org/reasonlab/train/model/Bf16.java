package org.reasonlab.train.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValue;
import ai.djl.pytorch.jni.IValueUtils;

/**
 * bfloat16 on DJL's PyTorch engine. DJL 0.35.1's JNI layer maps only float32/64/16, (u)int8,
 * int32/64, bool and complex64 to torch dtypes: {@code toType(BFLOAT16)} or creating a BFLOAT16
 * array ends the JVM (std::terminate), and {@code toType} records no gradient at all. So the casts
 * and the mixed-precision product run in a TorchScript module whose archive (source text and pickled
 * module state) is written here and loaded from memory once. Its {@code forward} runs with autograd,
 * so gradients flow through the casts to float32 inputs and weights.
 *
 * <p>DJL reports bf16 arrays as {@link DataType#UNKNOWN}. On them only shape, attach, close,
 * {@code toType(FLOAT32)} and this class's methods are safe: {@code toDevice} or {@code toType}
 * to anything else hits the same unmapped dtype.
 */
public final class Bf16 {
    /** torch.bfloat16 and torch.float32 as TorchScript writes dtypes (c10::ScalarType numbers). */
    private static final String SOURCE = """
            class Bf16Ops(Module):
              __parameters__ = []
              __buffers__ = []
              training : bool
              def forward(self: __torch__.Bf16Ops,
                x: Tensor,
                w: Tensor) -> Tensor:
                y = torch.linear(torch.to(x, 15), torch.to(w, 15))
                return torch.to(y, 6)
              def to_bf16(self: __torch__.Bf16Ops,
                x: Tensor) -> Tensor:
                return torch.to(x, 15)
            """;

    private Bf16() {
    }

    /** Loaded on first use ({@link TorchScriptModule}). */
    private static final class Holder {
        static final PtSymbolBlock MODULE = TorchScriptModule.load("Bf16Ops", SOURCE);
    }

    /**
     * {@code x @ w^T} with both factors rounded to bf16 and the product returned as float32,
     * differentiable in {@code x} and a float32 {@code w}. The result belongs to x's manager.
     *
     * @param x (..., in), float32
     * @param w [out, in], float32 or bf16 (a transposed view of a Conv1D weight works too)
     */
    public static NDArray linear(NDArray x, NDArray w) {
        PtSymbolBlock module = Holder.MODULE; // loads the engine before the executor setting
        TorchScriptModule.plainExecutor();
        return IValueUtils.forward(module, new NDList(x, w), true).head();
    }

    /** A bf16 copy of a float32 array, on the same device and manager (an ordinary tensor, no gradient). */
    public static NDArray of(NDArray a) {
        try (IValue in = IValue.from((PtNDArray) a);
                IValue out = IValueUtils.runMethod(Holder.MODULE, "to_bf16", in)) {
            // runMethod runs in inference mode; a clone is an ordinary tensor that autograd may save
            PtNDArray inference = out.toTensor((PtNDManager) a.getManager());
            NDArray copy = inference.duplicate();
            inference.close();
            return copy;
        }
    }

    /** Whether an array is bf16 (DJL names no type for it; nothing else here makes one). */
    public static boolean is(NDArray a) {
        return a.getDataType() == DataType.UNKNOWN;
    }

    /** A float32 copy (torch's cast to float32 is mapped, so this one is safe on bf16 arrays). */
    public static NDArray toFloat32(NDArray a) {
        return a.toType(DataType.FLOAT32, true);
    }
}
