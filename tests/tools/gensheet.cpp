// Deterministic synthetic register sheets (fictional children) for tests, examples and the
// benchmark: the same seed gives the same bytes on every machine.
//
//   gensheet [--rows N] [--seed S] [--year 2025] [--shuffle] [--ids]
//            [--encoding utf-8|utf-8-bom|gb18030] [--bad-date-row K] [--enrolled-on DATE]
//   gensheet --talks --rows N [--from 2024-09] [--to 2026-06] [--teachers 8]
//            [--bad-teacher-row K] [--max-rows N] [--encoding …]
//     a talk sheet for children <year>-001 … <year>-N: a talk each school month, a family
//     call most months and a home visit each term, by teachers T001 … T00K.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <set>
#include <string>
#include <vector>

#include "liushou/codec.hpp"
#include "liushou/render.hpp"
#include "liushou/validate.hpp"

namespace {

struct Rng {
    uint64_t state;
    uint64_t next() {  // splitmix64
        uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    int below(int n) { return static_cast<int>(next() % static_cast<uint64_t>(n)); }
    template <class T>
    const T& pick(const std::vector<T>& v) {
        return v[static_cast<size_t>(below(static_cast<int>(v.size())))];
    }
};

const std::vector<std::string> kSurnames = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周",
                                            "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭",
                                            "马", "罗", "晏", "喻", "丁", "许", "易"};
const std::vector<std::string> kGiven = {
    "小明", "子涵", "浩然", "欣怡", "宇轩", "梓萱", "俊杰", "雨桐", "思远", "佳怡",
    "博文", "诗涵", "一鸣", "可馨", "天佑", "若曦", "嘉豪", "梦琪", "家乐", "语嫣",
    "明轩", "紫涵", "志强", "静怡", "鹏",   "洋",   "婷",   "杰",   "磊",   "敏"};
const std::vector<std::string> kVillages = {"孙桥", "石龙", "罗桥", "新华",
                                            "杨集", "晏店", "丁畈", "许岭"};
const std::vector<std::string> kWork = {
    "广东省深圳市宝安区某电子厂",   "广东省东莞市长安镇某五金厂", "浙江省宁波市北仑区某服装厂",
    "上海市松江区某物流公司",       "江苏省苏州市昆山市某电子厂", "北京市大兴区某建筑工地",
    "湖北省武汉市东西湖区某食品厂", "福建省厦门市集美区某鞋厂"};
const std::vector<std::string> kWorkPhone = {"0755-2760", "0769-8553", "0574-8618", "021-5776",
                                             "0512-5766", "010-6924",  "027-8379",  "0592-6215"};
const std::vector<std::pair<std::string, std::string>> kGuardians = {
    {"爷爷", "务农"},     {"奶奶", "务农"}, {"外公", "务农"}, {"外婆", "家务"},
    {"姑姑", "个体经营"}, {"舅舅", "务工"}, {"奶奶", "家务"}, {"爷爷", "退休教师"}};
const std::vector<std::string> kTalks = {"想念妈妈，学习压力大",
                                         "最近学习进步明显，很开心",
                                         "和同学闹了矛盾，已调解",
                                         "作业完成较好，字迹工整",
                                         "上课爱走神，约定每天读书半小时",
                                         "爷爷生病住院，情绪低落",
                                         "参加了学校合唱队，很积极",
                                         "周末在家帮奶奶干农活",
                                         "数学单元测验不理想，安排同学帮扶",
                                         "和爸爸视频通话后心情好转"};
const std::vector<std::string> kFollowUps = {"联系母亲每周通一次视频电话", "下周再谈一次",
                                             "请数学老师课后辅导", "了解爷爷病情"};

const std::vector<std::string> kHealth = {"良好", "良好", "良好", "一般", "健康"};

std::string phone(Rng& rng) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "1380000%04d", rng.below(10000));
    return buf;
}

std::string date_text(int y, int m, int d, int style) {
    char buf[32];
    if (style == 1)
        std::snprintf(buf, sizeof buf, "%d/%d/%d", y, m, d);
    else if (style == 2)
        std::snprintf(buf, sizeof buf, "%d年%d月%d日", y, m, d);
    else
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return buf;
}

}  // namespace

int main(int argc, char** argv) {
    int rows = 30, year = 2025, bad_date_row = 0;
    uint64_t seed = 1;
    bool shuffle = false, ids = false, talks = false;
    std::string enrolled_on;  // the same enrolment date for everyone, for long talk histories
    int teachers = 8, bad_teacher_row = 0, max_rows = 0;
    int from_year = 2024, from_month = 9, to_year = 2026, to_month = 6;
    std::string encoding = "utf-8";
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::cerr << "gensheet: " << a << " needs a value\n";
                std::exit(2);
            }
            return argv[++i];
        };
        if (a == "--rows")
            rows = std::atoi(value().c_str());
        else if (a == "--seed")
            seed = std::strtoull(value().c_str(), nullptr, 10);
        else if (a == "--year")
            year = std::atoi(value().c_str());
        else if (a == "--shuffle")
            shuffle = true;
        else if (a == "--ids")
            ids = true;
        else if (a == "--encoding")
            encoding = value();
        else if (a == "--bad-date-row")
            bad_date_row = std::atoi(value().c_str());
        else if (a == "--talks")
            talks = true;
        else if (a == "--enrolled-on")
            enrolled_on = value();
        else if (a == "--max-rows")
            max_rows = std::atoi(value().c_str());
        else if (a == "--teachers")
            teachers = std::max(1, std::atoi(value().c_str()));
        else if (a == "--bad-teacher-row")
            bad_teacher_row = std::atoi(value().c_str());
        else if (a == "--from")
            std::sscanf(value().c_str(), "%d-%d", &from_year, &from_month);
        else if (a == "--to")
            std::sscanf(value().c_str(), "%d-%d", &to_year, &to_month);
        else {
            std::cerr << "gensheet: unknown option " << a << "\n";
            return 2;
        }
    }
    Rng rng{seed};
    if (talks) {
        const int first_month = from_year * 12 + from_month - 1,
                  last_month = to_year * 12 + to_month - 1;
        std::string out =
            liushou::csv_line({"学号", "日期", "类型", "教师", "内容", "情绪", "跟进事项"});
        int row = 1;
        auto emit = [&](const std::vector<std::string>& cells) {
            if (max_rows && row > max_rows) return;
            ++row;
            std::vector<std::string> c = cells;
            if (row == bad_teacher_row) c[3] = "T999";
            out += liushou::csv_line(c);
        };
        for (int m = first_month; m <= last_month; ++m) {
            const int y = m / 12, month = m % 12 + 1;
            if (month == 1 || month == 2 || month == 7 || month == 8) continue;
            for (int child = 1; child <= rows; ++child) {
                char id[32], teacher[16];
                std::snprintf(id, sizeof id, "%d-%03d", year, child);
                std::snprintf(teacher, sizeof teacher, "T%03d", 1 + (child - 1) % teachers);
                const bool follow = rng.below(6) == 0;
                emit({id, date_text(y, month, 3 + rng.below(20), 0), "谈心", teacher,
                      rng.pick(kTalks),
                      rng.below(5) == 0 ? "低落"
                      : rng.below(2)    ? "好"
                                        : "一般",
                      follow ? rng.pick(kFollowUps) : ""});
                if (rng.below(4) != 0)
                    emit({id, date_text(y, month, 24 + rng.below(4), 0), "亲情电话", teacher,
                          "与在外务工的父母通话", "", ""});
                if (month == 10 || month == 4)
                    emit({id, date_text(y, month, 10 + rng.below(10), 0), "家访", teacher,
                          "家访，了解监护人情况", "", ""});
            }
        }
        if (encoding == "gb18030") out = liushou::utf8_to_gb18030(out);
        std::fwrite(out.data(), 1, out.size(), stdout);
        return 0;
    }
    std::vector<std::string> header = {
        "姓名",           "性别",       "出生日期",   "身份证号",     "民族",
        "年级",           "班级",       "入学日期",   "留守类型",     "是否寄宿",
        "健康状况",       "家庭住址",   "父亲姓名",   "父亲电话",     "父亲务工地址",
        "父亲单位电话",   "母亲姓名",   "母亲电话",   "母亲务工地址", "母亲单位电话",
        "监护人姓名",     "监护人关系", "监护人电话", "监护人职业",   "监护人住址",
        "监护人健康状况", "监护人年龄"};
    if (ids) header.insert(header.begin(), "学号");
    std::vector<size_t> order(header.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    if (shuffle)
        for (size_t i = order.size() - 1; i > 0; --i)
            std::swap(order[i], order[static_cast<size_t>(rng.below(static_cast<int>(i + 1)))]);

    std::string out;
    std::vector<std::string> cells;
    for (size_t i : order) cells.push_back(header[i]);
    out += liushou::csv_line(cells);
    std::set<std::string> people, id_numbers;
    for (int r = 0; r < rows; ++r) {
        const int grade = 1 + rng.below(6);
        const int birth_year = year - 5 - grade;
        // Names repeat in a large sheet; name and birth date together never do.
        int bm = 0, bd = 0;
        std::string surname, name;
        do {
            bm = 1 + rng.below(12);
            bd = 1 + rng.below(28);
            surname = rng.pick(kSurnames);
            name = surname + rng.pick(kGiven);
        } while (!people.insert(name + liushou::Date{birth_year, bm, bd}.iso()).second);
        const bool male = rng.below(2) == 0;
        // 身份证号 are unique too: import refuses a second row with one (a sheet of 10,000
        // children has many birthdays in common, and only 3 digits tell them apart).
        char id17[64];
        do
            std::snprintf(id17, sizeof id17, "420821%04d%02d%02d%02d%d", birth_year, bm, bd,
                          rng.below(100), male ? 1 + 2 * rng.below(5) : 2 * rng.below(5));
        while (!id_numbers.insert(id17).second);
        const std::string id_number = std::string(id17) + liushou::id_number_check_char(id17);
        const int type = rng.below(10);  // 6 both, 3 father away, 1 mother away
        const std::string left = type < 6 ? "双亲外出" : type < 9 ? "父亲外出" : "母亲外出";
        const bool father_away = type < 9, mother_away = type < 6 || type == 9;
        const std::string village = rng.pick(kVillages);
        const std::string address = "湖北省京山县孙桥镇" + village + "村" +
                                    std::to_string(1 + rng.below(9)) + "组" +
                                    std::to_string(1 + rng.below(60)) + "号";
        const auto& guardian = rng.pick(kGuardians);
        const int w1 = rng.below(static_cast<int>(kWork.size()));
        const int w2 = rng.below(static_cast<int>(kWork.size()));
        char wp1[32], wp2[32];
        std::snprintf(wp1, sizeof wp1, "%s%04d", kWorkPhone[static_cast<size_t>(w1)].c_str(),
                      rng.below(10000));
        std::snprintf(wp2, sizeof wp2, "%s%04d", kWorkPhone[static_cast<size_t>(w2)].c_str(),
                      rng.below(10000));
        const std::string birth = (r + 2 == bad_date_row) ? std::string("2016-02-30")
                                                          : date_text(birth_year, bm, bd, r % 3);
        std::vector<std::string> row = {
            name,
            male ? "男" : "女",
            birth,
            id_number,
            rng.below(10) == 0 ? "土家族" : "汉族",
            std::to_string(grade),
            std::to_string(1 + rng.below(3)),
            enrolled_on.empty() ? date_text(year - grade + 1, 9, 1, 0) : enrolled_on,
            left,
            grade == 6 && rng.below(2) ? "是" : "否",
            rng.pick(kHealth),
            address,
            surname + "建" + rng.pick(kGiven).substr(0, 3),
            father_away || rng.below(2) ? phone(rng) : "",
            father_away ? kWork[static_cast<size_t>(w1)] : "",
            father_away ? wp1 : "",
            rng.pick(kSurnames) + "秀" + rng.pick(kGiven).substr(0, 3),
            phone(rng),
            mother_away ? kWork[static_cast<size_t>(w2)] : "",
            mother_away ? wp2 : "",
            surname + "德" + rng.pick(kGiven).substr(0, 3),
            guardian.first,
            phone(rng),
            guardian.second,
            "同上",
            rng.below(8) == 0 ? "一般" : "良好",
            std::to_string(55 + rng.below(20))};
        if (ids) {
            char id[32];
            std::snprintf(id, sizeof id, "%d-%03d", year, r + 1);
            row.insert(row.begin(), id);
        }
        cells.clear();
        for (size_t i : order) cells.push_back(row[i]);
        out += liushou::csv_line(cells);
    }
    if (encoding == "gb18030")
        out = liushou::utf8_to_gb18030(out);
    else if (encoding == "utf-8-bom")
        out = "\xef\xbb\xbf" + out;
    else if (encoding != "utf-8") {
        std::cerr << "gensheet: --encoding utf-8, utf-8-bom or gb18030\n";
        return 2;
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    return 0;
}
