import { twin } from "../twin.js";

const en = {
  description: "start a service on its registered port: check the port as check --service does, then run the command with PORT and HOST set",
  arguments: {
    target: "the service (name or name.env)",
    command: "the command that starts it, after -- (run without a shell; its exit code is sparkport's)",
  },
  options: {
    envName: "the variable that carries the port, for frameworks that read another (APP_PORT, SERVER_PORT)",
    inject: "env: the variables only; flag: also the program's own port option (next -p, uvicorn --port --host, vite --port --strictPort)",
    host: "the address to listen on (default: 0.0.0.0, or the node's own address when it is a loopback one, such as 127.0.0.1)",
  },
};

export const runHelp = twin<typeof en>({
  en,
  ko: {
    description: "서비스를 등록된 포트로 시작합니다: check --service처럼 포트를 확인한 뒤 PORT와 HOST를 설정해 명령을 실행",
    arguments: {
      target: "서비스 (name 또는 name.env)",
      command: "서비스를 시작하는 명령, -- 뒤에 씀 (셸 없이 실행; 그 종료 코드가 sparkport의 종료 코드)",
    },
    options: {
      envName: "포트를 담을 변수 이름, 다른 변수를 읽는 프레임워크용 (APP_PORT, SERVER_PORT)",
      inject: "env: 변수만 설정; flag: 프로그램의 포트 옵션도 붙임 (next -p, uvicorn --port --host, vite --port --strictPort)",
      host: "수신할 주소 (기본값: 0.0.0.0, 노드 주소가 루프백 주소면 그 주소, 예: 127.0.0.1)",
    },
  },
});
