// Measures gzip and zstd backends on real content, as the push pipeline uses them: the input cut into 512 KiB
// blocks, each compressed on its own (one gzip member per block), single-threaded, CPU time and output bytes.
//
//   build/bench/stevedore-bench-levels FILE...      (tars of real trees; see bench/push-vs-skopeo.sh)
//
// Prints one line per backend and level: output MB, ratio to the input, CPU seconds, MB/s of input.
#include <isa-l/igzip_lib.h>
#include <libdeflate.h>
#include <zstd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <string>
#include <vector>

namespace {

size_t kBlock = 512 * 1024;
bool gExtra = false;

double cpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

std::vector<char> readAll(const char *path)
{
    std::ifstream in(path, std::ios::binary);
    return std::vector<char>((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

size_t libdeflateBlocks(const std::vector<char> &data, int level)
{
    libdeflate_compressor *c = libdeflate_alloc_compressor(level);
    std::vector<char> out(libdeflate_gzip_compress_bound(c, kBlock));
    size_t total = 0;
    for (size_t off = 0; off < data.size(); off += kBlock) {
        const size_t n = std::min(kBlock, data.size() - off);
        total += libdeflate_gzip_compress(c, data.data() + off, n, out.data(), out.size());
    }
    libdeflate_free_compressor(c);
    return total;
}

size_t isalBlocks(const std::vector<char> &data, int level)
{
    static const size_t levelBuf[] = {ISAL_DEF_LVL0_DEFAULT, ISAL_DEF_LVL1_DEFAULT, ISAL_DEF_LVL2_DEFAULT,
                                      ISAL_DEF_LVL3_DEFAULT};
    static const size_t extraBuf[] = {ISAL_DEF_LVL0_DEFAULT, ISAL_DEF_LVL1_EXTRA_LARGE, ISAL_DEF_LVL2_EXTRA_LARGE,
                                      ISAL_DEF_LVL3_EXTRA_LARGE};
    std::vector<uint8_t> buf(gExtra ? extraBuf[level] : levelBuf[level]);
    std::vector<uint8_t> out(kBlock + kBlock / 8 + 1024);
    size_t total = 0;
    isal_zstream s;
    for (size_t off = 0; off < data.size(); off += kBlock) {
        const size_t n = std::min(kBlock, data.size() - off);
        isal_deflate_init(&s);
        s.level = uint32_t(level);
        s.level_buf = buf.data();
        s.level_buf_size = uint32_t(buf.size());
        s.gzip_flag = IGZIP_GZIP;
        s.end_of_stream = 1;
        s.next_in = reinterpret_cast<uint8_t *>(const_cast<char *>(data.data() + off));
        s.avail_in = uint32_t(n);
        s.next_out = out.data();
        s.avail_out = uint32_t(out.size());
        if (isal_deflate(&s) != COMP_OK || s.internal_state.state != ZSTATE_END) {
            std::fprintf(stderr, "isal level %d failed\n", level);
            return 0;
        }
        total += out.size() - s.avail_out;
    }
    return total;
}

size_t zstdStream(const std::vector<char> &data, int level)
{
    ZSTD_CCtx *c = ZSTD_createCCtx();
    ZSTD_CCtx_setParameter(c, ZSTD_c_compressionLevel, level);
    std::vector<char> out(ZSTD_CStreamOutSize());
    size_t total = 0;
    ZSTD_inBuffer in{data.data(), data.size(), 0};
    for (;;) {
        ZSTD_outBuffer o{out.data(), out.size(), 0};
        const size_t left = ZSTD_compressStream2(c, &o, &in, ZSTD_e_end);
        total += o.pos;
        if (left == 0)
            break;
    }
    ZSTD_freeCCtx(c);
    return total;
}

template<typename F>
void report(const char *name, int level, const std::vector<char> &data, F f)
{
    const double t0 = cpuSeconds();
    const size_t out = f(data, level);
    const double t = cpuSeconds() - t0;
    std::printf("%-10s %2d  %8.1f MB  %5.3f  %6.2f s  %6.1f MB/s\n", name, level, double(out) / 1e6,
                double(out) / double(data.size()), t, double(data.size()) / 1e6 / t);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s FILE...\n", argv[0]);
        return 2;
    }
    std::vector<char> data;
    if (const char *b = std::getenv("BLOCK_KIB"))
        kBlock = size_t(std::atoi(b)) * 1024;
    gExtra = std::getenv("ISAL_EXTRA") != nullptr;
    const bool isalOnly = std::getenv("ISAL_ONLY") != nullptr;
    for (int i = 1; i < argc; ++i) {
        const std::vector<char> part = readAll(argv[i]);
        data.insert(data.end(), part.begin(), part.end());
    }
    std::printf("input %.1f MB in %zu blocks of %zu KiB\n", double(data.size()) / 1e6, (data.size() + kBlock - 1) / kBlock, kBlock / 1024);
    std::printf("%-10s %2s  %11s  %5s  %8s  %11s\n", "backend", "lv", "out", "ratio", "cpu", "speed");
    for (int l = 1; l <= ISAL_DEF_MAX_LEVEL; ++l)
        report("isa-l", l, data, isalBlocks);
    if (isalOnly)
        return 0;
    for (int l = 1; l <= 9; ++l)
        report("libdeflate", l, data, libdeflateBlocks);
    for (int l : {1, 3, 6})
        report("zstd", l, data, zstdStream);
    return 0;
}
