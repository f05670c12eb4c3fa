import { twin } from "./twin.js";

const en = {
  noneLeft: (team: string) => `no free port left in team ${team}'s ranges`,
  onlySome: (found: number, asked: number, team: string) => `only ${found} of ${asked} free ports left in team ${team}'s ranges`,
};

export const nextWords = twin<typeof en>({
  en,
  ko: {
    noneLeft: (team) => `${team}팀 범위에 남은 빈 포트가 없습니다`,
    onlySome: (found, asked, team) => `${team}팀 범위에 빈 포트가 ${asked}개 중 ${found}개만 남아 있습니다`,
  },
});
