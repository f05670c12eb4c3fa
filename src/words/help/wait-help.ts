import { twin } from "../twin.js";

const en = {
  description: "wait until services, ports or URLs answer (or, with --free, until nothing listens), then optionally run a command",
  arguments: {
    targets: "a service (redis, fastapi.test), a port, node:port, host:port or an http(s) URL (ready on a 2xx-3xx answer); after -- the command to run",
  },
  options: {
    timeout: "how long to wait for all of them, in all",
    interval: "how long to pause between two looks at a target",
    free: "wait until nothing listens on the ports instead",
  },
};

export const waitHelp = twin<typeof en>({
  en,
  ko: {
    description: "서비스, 포트, URL이 응답할 때까지(--free면 아무것도 수신하지 않을 때까지) 기다린 뒤, 원하면 명령을 실행합니다",
    arguments: {
      targets: "서비스 (redis, fastapi.test), 포트, node:port, host:port 또는 http(s) URL (2xx-3xx 응답이면 준비됨); -- 뒤에는 실행할 명령",
    },
    options: {
      timeout: "모두를 기다릴 전체 시간",
      interval: "한 대상을 다시 확인하기까지 쉬는 시간",
      free: "대신 포트에서 아무것도 수신하지 않을 때까지 기다림",
    },
  },
});
