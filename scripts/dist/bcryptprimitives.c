/* For the test of andel.exe under Debian's Wine only (scripts/dist.sh --check), never shipped.
 *
 * Rust's standard library on Windows imports ProcessPrng from bcryptprimitives.dll, which
 * Windows 10 and later have and Debian 12's Wine 8 lacks: without it andel.exe does not start
 * ("Library bcryptprimitives.dll ... not found"). This stand-in fills the buffer from
 * advapi32's SystemFunction036 (RtlGenRandom), which Wine has.
 *
 * Build: x86_64-w64-mingw32-gcc -shared -O2 -o bcryptprimitives.dll bcryptprimitives.c \
 *        bcryptprimitives.def -ladvapi32
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
